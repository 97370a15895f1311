import { describe, expect, it } from "vitest";
import { cpEndOf, cutsWord, isWordCode, joinsPrevious, prepare, sliceOf, snapToWords } from "./prepared";

describe("prepare", () => {
  it("maps code points and UTF-16 offsets both ways", () => {
    const p = prepare("a👍🏽b");
    expect(p.length).toBe(4);
    expect(Array.from(p.cpToU16)).toEqual([0, 1, 3, 5, 6]);
    expect(Array.from(p.u16ToCp)).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(cpEndOf(p, 2)).toBe(2); // an end inside a pair rounds up
    expect(cpEndOf(p, 3)).toBe(2);
    expect(sliceOf(p, 1, 3)).toBe("👍🏽");
  });

  it("reuses the tables for the same text only", () => {
    const a = prepare("Ông Kim đến Nga");
    expect(prepare(`Ông Kim ${"đến"} Nga`)).toBe(a);
    expect(prepare("Ông Kim đến Nga.")).not.toBe(a);
  });
});

describe("isWordCode", () => {
  it.each([
    ["a", true],
    ["Z", true],
    ["7", true],
    ["ễ", true],
    ["\u0308", true], // combining diaeresis
    ["\u20e3", true], // combining enclosing keycap
    [" ", false],
    [",", false],
    ["“", false],
    ["👍", false],
    ["\u200d", false],
  ])("%j → %s", (ch, expected) => {
    expect(isWordCode(ch.codePointAt(0)!)).toBe(expected);
  });
});

describe("joinsPrevious", () => {
  it.each([
    ["👍🏽", [false, true]],
    ["n̈a", [false, true, false]],
    ["🇻🇳🇺🇸", [false, true, false, true]],
    ["👩‍👧", [false, true, true]],
    ["ab", [false, false]],
  ])("%s", (text, expected) => {
    const p = prepare(text);
    expect(Array.from({ length: p.length }, (_, i) => joinsPrevious(p, i))).toEqual(expected);
  });
});

describe("cutsWord and snapToWords", () => {
  const text = "Văn An 👍🏽 cho biết";
  it.each([
    ["already on word boundaries", 0, 6, "Văn An"],
    ["an end inside a word", 0, 5, "Văn An"],
    ["a start inside a word", 1, 6, "Văn An"],
    ["an end between an emoji and its skin tone", 4, 8, "An 👍🏽"],
    ["a span starting on punctuation-free space", 6, 7, " "],
  ])("%s", (_label, start, end, expected) => {
    const p = prepare(text);
    const snapped = snapToWords(p, start, end);
    expect(sliceOf(p, snapped.start, snapped.end)).toBe(expected);
    expect(cutsWord(p, snapped.start) || cutsWord(p, snapped.end)).toBe(false);
  });
});
