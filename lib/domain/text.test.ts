import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codePointLength,
  codePointToUtf16,
  flagDuplicatePassages,
  foldWhitespace,
  normalizeText,
  sliceCodePoints,
  splitPassages,
  utf16ToCodePoint,
} from "./text";

const THUMB = "👍🏽"; // thumbs up + skin tone modifier: 2 code points, 4 UTF-16 units
const FLAG_VN = "🇻🇳"; // two regional indicators: 2 code points, 4 UTF-16 units
const NHUONG_NFD = "Nhu\u031Bo\u031B\u0303ng"; // "Nhưỡng" typed with combining marks
const NHUONG_NFC = "Nhưỡng";

describe("normalizeText", () => {
  it.each([
    ["strips a leading BOM", "\uFEFFXin chào", "Xin chào"],
    ["keeps a BOM that is not leading", "a\uFEFFb", "a\uFEFFb"],
    ["turns CRLF into LF", "a\r\nb\r\n", "a\nb\n"],
    ["turns lone CR into LF", "a\rb\r\rc", "a\nb\n\nc"],
    ["composes NFD into NFC", `Bình ${NHUONG_NFD}`, `Bình ${NHUONG_NFC}`],
    ["leaves emoji alone", `${THUMB}${FLAG_VN}`, `${THUMB}${FLAG_VN}`],
  ])("%s", (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("composes decomposed Vietnamese so offsets match the typed text", () => {
    expect(NHUONG_NFD.length).toBe(9);
    expect(NHUONG_NFD.normalize("NFC")).toBe(NHUONG_NFC);
    expect(codePointLength(normalizeText(NHUONG_NFD))).toBe(6);
  });
});

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["Triều Tiên", 10],
    [THUMB, 2],
    [FLAG_VN, 2],
    [NHUONG_NFD, 9], // combining marks count separately until normalised
    [NHUONG_NFC, 6],
    ["a\uD800b", 3], // lone surrogate counts as one
  ])("%j has %i code points", (input, expected) => {
    expect(codePointLength(input)).toBe(expected);
  });
});

describe("utf16ToCodePoint / codePointToUtf16", () => {
  const text = `Kim ${THUMB} ${FLAG_VN} ${NHUONG_NFD}!`;

  it.each([
    // [utf16, codePoint]
    [0, 0],
    [4, 4], // before 👍
    [6, 5], // between 👍 and 🏽
    [8, 6], // after 🏽
    [9, 7], // before 🇻
    [11, 8], // between the regional indicators
    [13, 9],
    [text.length, codePointLength(text)],
  ])("utf16 %i ↔ code point %i", (utf16, cp) => {
    expect(utf16ToCodePoint(text, utf16)).toBe(cp);
    expect(codePointToUtf16(text, cp)).toBe(utf16);
  });

  it("rounds an offset inside a surrogate pair down to the pair start", () => {
    expect(utf16ToCodePoint(text, 5)).toBe(4); // inside 👍
    expect(utf16ToCodePoint(text, 7)).toBe(5); // inside 🏽
    expect(utf16ToCodePoint(FLAG_VN, 3)).toBe(1);
  });

  it("counts combining marks as separate code points", () => {
    // "Nhu" U+031B "o" U+031B U+0303 "ng": each mark is its own code point
    expect(utf16ToCodePoint(NHUONG_NFD, 7)).toBe(7);
    expect(sliceCodePoints(NHUONG_NFD, 4, 7)).toBe("o\u031B\u0303");
  });

  it.each([
    [() => utf16ToCodePoint("abc", -1)],
    [() => utf16ToCodePoint("abc", 4)],
    [() => utf16ToCodePoint("abc", 1.5)],
    [() => codePointToUtf16(THUMB, 3)],
    [() => codePointToUtf16("abc", -1)],
    [() => codePointToUtf16("abc", Number.NaN)],
  ])("throws RangeError for out-of-range input (%#)", (call) => {
    expect(call).toThrow(RangeError);
  });

  it("round-trips any code point offset through UTF-16", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: codePointLength(s) }))),
        ([s, k]) => utf16ToCodePoint(s, codePointToUtf16(s, k)) === k,
      ),
      { numRuns: 500 },
    );
  });

  it("never splits a surrogate pair when converting UTF-16 offsets", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s.length }))),
        ([s, u]) => {
          const back = codePointToUtf16(s, utf16ToCodePoint(s, u));
          const splitsPair = /[\uD800-\uDBFF]/.test(s[back - 1] ?? "") && /[\uDC00-\uDFFF]/.test(s[back] ?? "");
          return back <= u && u - back <= 1 && !splitsPair;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("sliceCodePoints", () => {
  const text = `A${THUMB}B${FLAG_VN}C`;

  it.each([
    [0, 1, "A"],
    [1, 3, THUMB],
    [3, 4, "B"],
    [4, 6, FLAG_VN],
    [6, 7, "C"],
    [2, 2, ""],
  ])("slices %i–%i", (start, end, expected) => {
    expect(sliceCodePoints(text, start, end)).toBe(expected);
  });

  it("throws RangeError for reversed or out-of-range offsets", () => {
    expect(() => sliceCodePoints(text, 3, 2)).toThrow(RangeError);
    expect(() => sliceCodePoints(text, 0, 8)).toThrow(/outside 0–7/);
  });

  it("agrees with Array.from on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.nat(), fc.nat(), (s, a, b) => {
        const cps = Array.from(s);
        const start = a % (cps.length + 1);
        const end = start + (b % (cps.length - start + 1));
        return sliceCodePoints(s, start, end) === cps.slice(start, end).join("");
      }),
    );
  });
});

describe("splitPassages", () => {
  it.each([
    ["single newlines", "One.\nTwo.\nThree.", ["One.", "Two.", "Three."]],
    ["blank-line separated", "One.\n\nTwo.\n\n\nThree.\n", ["One.", "Two.", "Three."]],
    ["trims surrounding whitespace", "  One. \n\t\n Two.\u00A0", ["One.", "Two."]],
    ["empty text", "", []],
    ["whitespace only", " \n \n", []],
  ])("%s", (_label, input, expected) => {
    expect(splitPassages(input)).toEqual(expected);
  });
});

describe("flagDuplicatePassages", () => {
  it.each([
    ["no repeats", ["a", "b", "c"], [false, false, false]],
    ["repeat after another paragraph", ["cap", "x", "cap"], [false, false, true]],
    ["whitespace differences still repeat", ["Ảnh:  KCNA", "Ảnh: KCNA"], [false, true]],
    ["third occurrence", ["a", "a", "a"], [false, true, true]],
    ["case differences do not repeat", ["Ảnh", "ảnh"], [false, false]],
  ])("%s", (_label, input, expected) => {
    expect(flagDuplicatePassages(input)).toEqual(expected);
  });
});

describe("foldWhitespace", () => {
  it("collapses runs, trims and composes", () => {
    expect(foldWhitespace(`  Bình\t\n ${NHUONG_NFD}  `)).toBe(`Bình ${NHUONG_NFC}`);
  });
});
