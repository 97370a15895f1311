import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUpload, firstInvalidUtf8Offset, formatBytes } from "./import-decode";

const MB = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...values: number[]) => Uint8Array.from(values);

describe("decodeUpload", () => {
  it.each([
    ["plain UTF-8", "bai.txt", utf8("Xin chào Bình Nhưỡng"), "Xin chào Bình Nhưỡng"],
    ["Markdown", "bai.md", utf8("# Tiêu đề\n\nThân bài"), "# Tiêu đề\n\nThân bài"],
    ["upper-case extension", "BAI.TXT", utf8("ok"), "ok"],
    ["BOM and CRLF", "bai.txt", utf8("\uFEFFa\r\nb"), "a\nb"],
    ["NFD composed to NFC", "bai.txt", utf8("Nhưỡng".normalize("NFD")), "Nhưỡng"],
  ])("accepts %s", (_label, name, input, text) => {
    expect(decodeUpload(name, input, MB)).toEqual({ ok: true, text });
  });

  it.each([
    ["wrong extension", "bai.docx", utf8("x"), MB, "bai.docx: only .txt and .md files can be imported"],
    ["no extension", "README", utf8("x"), MB, "README: only .txt and .md files can be imported"],
    ["empty file", "a.txt", new Uint8Array(0), MB, "a.txt is empty"],
    ["whitespace only", "a.txt", utf8(" \r\n\t"), MB, "a.txt is empty"],
    ["over the limit", "big.txt", new Uint8Array(Math.round(6.2 * MB)).fill(0x61), 5 * MB, "big.txt is 6.2 MB; the limit is 5 MB"],
    ["just over the limit", "big.txt", new Uint8Array(5 * MB + 1).fill(0x61), 5 * MB, "big.txt is 5.1 MB; the limit is 5 MB"],
    ["small limit", "a.md", new Uint8Array(2048).fill(0x61), 1536, "a.md is 2 KB; the limit is 1.5 KB"],
    ["NUL bytes", "img.txt", bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01), MB, "img.txt looks like a binary file, not text"],
    ["UTF-16", "u16.txt", bytes(0xff, 0xfe, 0x61, 0x00), MB, "u16.txt is UTF-16 text; save it as UTF-8 and import it again"],
    ["Latin-1 byte", "l1.txt", bytes(0x63, 0x61, 0x66, 0xe9), MB, "l1.txt is not valid UTF-8 text (first bad byte at offset 3)"],
    ["Windows-1258 text", "vn.txt", bytes(0x56, 0x69, 0xea, 0x74, 0x20), MB, "vn.txt is not valid UTF-8 text (first bad byte at offset 2)"],
  ])("refuses %s", (_label, name, input, max, error) => {
    expect(decodeUpload(name, input, max)).toEqual({ ok: false, error });
  });
});

describe("firstInvalidUtf8Offset", () => {
  it.each([
    ["valid ASCII", bytes(0x61, 0x62), -1],
    ["valid 4-byte emoji", utf8("a👍"), -1],
    ["stray continuation byte", bytes(0x61, 0x80), 1],
    ["truncated sequence at the end", bytes(0x61, 0xe1, 0xba), 1],
    ["overlong encoding", bytes(0xc0, 0xaf), 0],
    ["overlong 3-byte", bytes(0xe0, 0x80, 0xaf), 0],
    ["UTF-16 surrogate", bytes(0xed, 0xa0, 0x80), 0],
    ["past U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ["bad third byte", bytes(0x61, 0x62, 0xe1, 0xba, 0x41), 2],
  ])("%s → %i", (_label, input, expected) => {
    expect(firstInvalidUtf8Offset(input)).toBe(expected);
  });

  it("property: agrees with the WHATWG decoder on validity and on where U+FFFD first appears", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
    const interesting = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 12 }),
          fc.array(interesting, { maxLength: 12 }).map((a) => Uint8Array.from(a)),
          fc.string({ unit: "binary" }).map(utf8),
        ),
        (input) => {
          const offset = firstInvalidUtf8Offset(input);
          let valid = true;
          try {
            fatal.decode(input);
          } catch {
            valid = false;
          }
          expect(offset === -1).toBe(valid);
          if (!valid) {
            const prefix = fatal.decode(input.slice(0, offset));
            const whole = lenient.decode(input);
            expect(whole.slice(0, prefix.length)).toBe(prefix);
            expect(whole[prefix.length]).toBe("\uFFFD");
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("formatBytes", () => {
  it.each([
    [512, false, "512 bytes"],
    [1536, false, "1.5 KB"],
    [5 * MB, false, "5 MB"],
    [5 * MB + 1, true, "5.1 MB"],
    [5 * MB + 1, false, "5 MB"],
  ])("%i (round up %s) → %s", (value, roundUp, expected) => {
    expect(formatBytes(value, roundUp)).toBe(expected);
  });

  it.each([
    [512, false, "vi", "512 byte"],
    [1536, false, "vi", "1,5 KB"],
    [5 * MB + 1, true, "vi", "5,1 MB"],
    [1023, false, "vi", "1.023 byte"],
    [5 * MB + 1, true, "en", "5.1 MB"],
    [1023, false, "en", "1,023 bytes"],
  ] as const)("%i (round up %s) in %s → %s", (value, roundUp, locale, expected) => {
    expect(formatBytes(value, roundUp, locale)).toBe(expected);
  });
});
