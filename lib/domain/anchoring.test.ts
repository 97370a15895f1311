import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSelector, quoteSelector, quoteSpan, reanchor, type StoredSelector } from "./anchoring";
import { codePointLength, sliceCodePoints } from "./text";

const PASSAGE =
  "Hãng tin Nga TASS cho hay: “Đây là áo giáp với các vùng bảo vệ cho ngực, vai, họng và háng”. 👍🏽 Ông Kim cũng được tặng 5 UAV.";

/** Stored selector for the first occurrence of `quote` in `text`. */
function selectorFor(text: string, quote: string, context = 32): StoredSelector {
  const utf16 = text.indexOf(quote);
  if (utf16 < 0) throw new Error(`test setup: "${quote}" not in text`);
  const start = codePointLength(text.slice(0, utf16));
  const end = start + codePointLength(quote);
  return { start, end, ...quoteSelector(text, start, end, context) };
}

describe("quoteSelector", () => {
  const text = "ab👍🏽cd🇻🇳ef";

  it.each([
    // start, end, context, exact, prefix, suffix
    [2, 4, 32, "👍🏽", "ab", "cd🇻🇳ef"],
    [2, 4, 1, "👍🏽", "b", "c"],
    [0, 1, 3, "a", "", "b👍🏽"],
    [8, 10, 3, "ef", "d🇻🇳", ""],
    [3, 3, 0, "", "", ""],
  ])("%i–%i with context %i", (start, end, context, exact, prefix, suffix) => {
    expect(quoteSelector(text, start, end, context)).toEqual({ exact, prefix, suffix });
  });

  it("throws RangeError for ranges outside the text", () => {
    expect(() => quoteSelector(text, 0, 11)).toThrow(RangeError);
    expect(() => quoteSelector(text, 4, 2)).toThrow(RangeError);
    expect(() => quoteSelector(text, 0, 1, -1)).toThrow(RangeError);
  });
});

describe("checkSelector", () => {
  const text = "Ông Kim 👍🏽 thăm Nga"; // 19 code points

  it.each([
    [{ start: 0, end: 3 }, null],
    [{ start: 8, end: 10, exact: "👍🏽" }, null],
    [{ start: 40, end: 12 }, "start 40 is after end 12"],
    [{ start: 5, end: 5 }, "empty selection"],
    [{ start: 2, end: 900 }, "end 900 is outside the passage (length 19 code points)"],
    [{ start: -1, end: 3 }, "start -1 is negative"],
    [{ start: 0, end: 2.5 }, "end 2.5 is not a whole number"],
    [
      { start: 4, end: 7, exact: "Kin" },
      'quote does not match the text at 4–7: expected "Kin", found "Kim"',
    ],
  ])("%j → %s", (selector, reason) => {
    expect(checkSelector(text, selector)).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });

  it("shortens long quotes in the mismatch reason", () => {
    const long = "x".repeat(200);
    const result = checkSelector(long, { start: 0, end: 200, exact: "y".repeat(200) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(200);
  });
});

describe("reanchor", () => {
  const armour = "áo giáp với các vùng bảo vệ";
  const sel = selectorFor(PASSAGE, armour);

  it("keeps the offsets when the quote is still there", () => {
    expect(reanchor(PASSAGE, sel)).toEqual({ start: sel.start, end: sel.end, method: "exact" });
  });

  it("follows the quote when text is inserted before it", () => {
    const edited = PASSAGE.replace("Hãng tin Nga", "Hãng thông tấn 🇻🇳 nhà nước Nga");
    const result = reanchor(edited, sel);
    expect(result?.method).toBe("moved");
    expect(sliceCodePoints(edited, result!.start, result!.end)).toBe(armour);
    expect(result!.start).toBe(sel.start + codePointLength("thông tấn 🇻🇳 nhà nước ") - codePointLength("tin "));
  });

  it("picks the occurrence whose context matches, not the nearest one", () => {
    const text = "Nga gửi đạn pháo. Mỹ nói Nga gửi đạn pháo cho Triều Tiên.";
    const stored = selectorFor(text, "đạn pháo cho", 8);
    stored.exact = "đạn pháo";
    stored.end = stored.start + codePointLength("đạn pháo");
    stored.suffix = " cho Tri";
    const edited = `Thêm. ${text}`.replace("Mỹ nói", "Mỹ");
    const result = reanchor(edited, stored);
    expect(result?.method).toBe("moved");
    expect(sliceCodePoints(edited, result!.start, result!.end + 4)).toBe("đạn pháo cho");
  });

  it("picks the occurrence nearest the old start when contexts tie", () => {
    const text = "Kim. Kim. Kim. Kim.";
    const stored: StoredSelector = { start: 11, end: 14, exact: "Kim", prefix: "", suffix: "" };
    expect(reanchor(`${text} `, stored)).toEqual({ start: 10, end: 13, method: "moved" });
  });

  it.each([
    ["a corrected typo inside the quote", armour.replace("vùng", "vung")],
    ["a word added inside the quote", armour.replace("các vùng", "các vùng được")],
    ["a dropped word", armour.replace("với ", "")],
  ])("falls back to a fuzzy match after %s", (_label, replacement) => {
    const edited = `Mở đầu. ${PASSAGE.replace(armour, replacement)}`;
    const result = reanchor(edited, sel);
    expect(result?.method).toBe("fuzzy");
    expect(sliceCodePoints(edited, result!.start, result!.end)).toBe(replacement);
  });

  it("matches fuzzily across emoji without splitting them", () => {
    const text = "Ông Kim 👍🏽 thăm nhà máy sản xuất máy bay";
    const stored = selectorFor(text, "Kim 👍🏽 thăm nhà máy");
    const edited = text.replace("👍🏽", "👍🏽🇻🇳");
    const result = reanchor(edited, stored);
    expect(result?.method).toBe("fuzzy");
    expect(sliceCodePoints(edited, result!.start, result!.end)).toBe("Kim 👍🏽🇻🇳 thăm nhà máy");
  });

  it.each([
    ["the quote was deleted", PASSAGE.replace(armour, "")],
    ["the quote was rewritten beyond 20%", PASSAGE.replace(armour, "áo chống đạn nhẹ và bền")],
    ["the text is empty", ""],
  ])("returns null when %s", (_label, edited) => {
    expect(reanchor(edited, sel)).toBeNull();
  });

  it("returns null for a short quote that changed at all", () => {
    const stored = selectorFor("Ông Kim đến Nga", "Kim");
    expect(reanchor("Ông Kin đến Nga", stored)).toBeNull();
  });

  it("handles old offsets past the end of a shortened text", () => {
    const stored = { ...sel, start: 500, end: 500 + codePointLength(armour) };
    const result = reanchor(PASSAGE, stored);
    expect(result).toEqual({ start: sel.start, end: sel.end, method: "moved" });
  });

  it("does not reach far-away text with a fuzzy match", () => {
    const far = `${"x".repeat(3000)} ${armour.replace("vùng", "vung")}`;
    const stored = { ...sel, start: 0, end: codePointLength(armour) };
    expect(reanchor(far, stored)).toBeNull();
  });

  const textAndRange = fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 60 })
    .chain((text) => {
      const length = codePointLength(text);
      return fc
        .tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length }))
        .map(([a, b]) => ({ text, start: Math.min(a, b - 1), end: Math.max(a + 1, b) }));
    });

  it("property: an unchanged text re-anchors exactly", () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const stored = { start, end, ...quoteSelector(text, start, end) };
        expect(reanchor(text, stored)).toEqual({ start, end, method: "exact" });
      }),
    );
  });

  it("property: inserting text outside the quote keeps it anchored to the same words", () => {
    fc.assert(
      fc.property(
        textAndRange,
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.nat(),
        ({ text, start, end }, inserted, seed) => {
          const length = codePointLength(text);
          const outside = [...Array(start + 1).keys(), ...Array.from({ length: length - end + 1 }, (_, k) => end + k)];
          const at = outside[seed % outside.length];
          const stored = { start, end, ...quoteSelector(text, start, end) };
          const edited = `${sliceCodePoints(text, 0, at)}${inserted}${sliceCodePoints(text, at, length)}`;
          const result = reanchor(edited, stored);
          expect(result).not.toBeNull();
          expect(result!.method).not.toBe("fuzzy");
          expect(sliceCodePoints(edited, result!.start, result!.end)).toBe(stored.exact);
          if (at >= end || inserted === "") expect(result!.method).toBe("exact");
        },
      ),
    );
  });
});

describe("quoteSpan", () => {
  it.each([
    ["plain", "abc def", "def", 0, { start: 4, end: 7 }],
    ["after an emoji (code points, not UTF-16 units)", "🚀 launch", "launch", 0, { start: 2, end: 8 }],
    ["second occurrence", "ab ab ab", "ab", 1, { start: 3, end: 5 }],
    ["an emoji with a skin tone (two code points) inside the quote", "go 👍🏽 now", "👍🏽 now", 0, { start: 3, end: 9 }],
  ])("%s", (_name, text, quote, occurrence, expected) => {
    expect(quoteSpan(text, quote, occurrence)).toEqual(expected);
  });
  it("returns null when the quote or that occurrence is absent", () => {
    expect(quoteSpan("abc", "x")).toBeNull();
    expect(quoteSpan("ab ab", "ab", 2)).toBeNull();
    expect(quoteSpan("abc", "")).toBeNull();
  });
});
