import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSelector, isCounted, quoteSelector, quoteSpan, reanchor, type ReanchorResult, type StoredSelector } from "./anchoring";
import { codePointLength, sliceCodePoints } from "./text";

/** xs[i], failing the test when there is no such element. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, found ${xs.length} elements`);
  return x;
}

const PASSAGE = "Hãng tin Nga TASS cho hay: “Đây là áo giáp với các vùng bảo vệ cho ngực, vai, họng và háng”. 👍🏽 Ông Kim cũng được tặng 5 UAV.";

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
    [{ start: 4, end: 7, exact: "Kin" }, 'quote does not match the text at 4–7: expected "Kin", found "Kim"'],
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
  const quoteOf = (text: string, result: ReanchorResult) => {
    if (result.outcome === "orphaned") throw new Error(`expected a span, got orphaned: ${result.reason}`);
    return sliceCodePoints(text, result.start, result.end);
  };

  it("keeps the offsets when the quote is still there", () => {
    expect(reanchor(PASSAGE, sel)).toEqual({
      outcome: "exact",
      start: sel.start,
      end: sel.end,
      confidence: 1,
      reason: "the quote is unchanged at the same place",
      why: { key: "unchanged" },
    });
  });

  it("follows the quote when text is inserted before it", () => {
    const edited = PASSAGE.replace("Hãng tin Nga", "Hãng thông tấn 🇻🇳 nhà nước Nga");
    const result = reanchor(edited, sel);
    expect(result).toMatchObject({ outcome: "moved", start: sel.start + codePointLength("thông tấn 🇻🇳 nhà nước ") - codePointLength("tin ") });
    expect(quoteOf(edited, result)).toBe(armour);
    expect(result.reason).toBe("the same words were found 18 characters later");
  });

  it("picks the occurrence whose context matches, not the nearest one", () => {
    const text = "Nga gửi đạn pháo. Mỹ nói Nga gửi đạn pháo cho Triều Tiên.";
    const stored = selectorFor(text, "đạn pháo cho", 8);
    stored.exact = "đạn pháo";
    stored.end = stored.start + codePointLength("đạn pháo");
    stored.suffix = " cho Tri";
    const edited = `Thêm. ${text}`.replace("Mỹ nói", "Mỹ");
    const result = reanchor(edited, stored);
    expect(result.outcome).toBe("moved");
    if (result.outcome === "moved") expect(sliceCodePoints(edited, result.start, result.end + 4)).toBe("đạn pháo cho");
  });

  it("picks the occurrence nearest the old start when contexts tie", () => {
    const text = "Kim. Kim. Kim. Kim.";
    const stored: StoredSelector = { start: 11, end: 14, exact: "Kim", prefix: "", suffix: "" };
    expect(reanchor(`${text} `, stored)).toMatchObject({ outcome: "moved", start: 10, end: 13 });
  });

  it("asks for review when contexts tie and two occurrences are about as near", () => {
    const stored: StoredSelector = { start: 3, end: 6, exact: "Kim", prefix: "", suffix: "" };
    const result = reanchor("Kim. Kim.", stored);
    expect(result).toMatchObject({ outcome: "needs_review" });
    expect(result.reason).toMatch(/^found 2 places/);
  });

  it.each([
    ["a corrected typo inside the quote", armour.replace("vùng", "vung"), 1],
    ["a word added inside the quote", armour.replace("các vùng", "các vùng được"), 5],
    ["a dropped word", armour.replace("với ", ""), 4],
  ])("falls back to a fuzzy match after %s", (_label, replacement, edits) => {
    const edited = `Mở đầu. ${PASSAGE.replace(armour, replacement)}`;
    const result = reanchor(edited, sel);
    expect(result.outcome).toBe("fuzzy");
    expect(quoteOf(edited, result)).toBe(replacement);
    expect(result.reason).toContain(`(${edits} of 27 characters)`);
  });

  it("matches fuzzily across emoji without splitting them", () => {
    const text = "Ông Kim 👍🏽 thăm nhà máy sản xuất máy bay";
    const stored = selectorFor(text, "Kim 👍🏽 thăm nhà máy");
    const edited = text.replace("👍🏽", "👍🏽🇻🇳");
    const result = reanchor(edited, stored);
    expect(result.outcome).toBe("fuzzy");
    expect(quoteOf(edited, result)).toBe("Kim 👍🏽🇻🇳 thăm nhà máy");
  });

  it("snaps a fuzzy match that would cut a word out to the whole word", () => {
    const text = "Thứ trưởng Nguyễn Văn A cho biết đề thi giữ nguyên cấu trúc.";
    const stored = selectorFor(text, "Thứ trưởng Nguyễn Văn A");
    const edited = text.replace("Văn A", "Văn An");
    const result = reanchor(edited, stored);
    expect(result.outcome).toBe("fuzzy");
    expect(quoteOf(edited, result)).toBe("Thứ trưởng Nguyễn Văn An");
  });

  it("proposes the reworded span between the old context for review", () => {
    const edited = PASSAGE.replace(armour, "áo chống đạn nhẹ và bền");
    const result = reanchor(edited, sel);
    expect(result.outcome).toBe("needs_review");
    expect(quoteOf(edited, result)).toBe("áo chống đạn nhẹ và bền");
    expect(result.confidence).toBeLessThan(0.6);
    expect(result.reason).toMatch(/^reworded: /);
  });

  it.each([
    ["the quote was deleted", PASSAGE.replace(armour, "")],
    ["the text is empty", ""],
    ["the paragraph was rewritten", "Bài viết đã được gỡ xuống theo yêu cầu của tòa soạn."],
  ])("is orphaned when %s", (_label, edited) => {
    expect(reanchor(edited, sel)).toMatchObject({ outcome: "orphaned", confidence: 0 });
  });

  it("does not count a short quote that changed at all", () => {
    const stored = selectorFor("Ông Kim đến Nga", "Kim");
    const result = reanchor("Ông Kin đến Nga", stored);
    expect(result.outcome).toBe("needs_review");
    expect(quoteOf("Ông Kin đến Nga", result)).toBe("Kin");
  });

  it("does not follow a short quote into a longer word", () => {
    const stored = selectorFor("Đoàn đến Nga hôm qua.", "Nga");
    const edited = "Đoàn đến Ngaoka hôm qua.";
    const result = reanchor(edited, stored);
    expect(result.outcome).toBe("needs_review");
    expect(result.reason).toBe("the quote is now part of a longer word");
  });

  it("handles old offsets past the end of a shortened text", () => {
    const stored = { ...sel, start: 500, end: 500 + codePointLength(armour) };
    expect(reanchor(PASSAGE, stored)).toMatchObject({ start: sel.start, end: sel.end, outcome: "moved" });
  });

  it("does not reach far-away text with a fuzzy match", () => {
    const far = `${"x".repeat(3000)} ${armour.replace("vùng", "vung")}`;
    const stored = { ...sel, start: 0, end: codePointLength(armour) };
    expect(reanchor(far, stored).outcome).toBe("orphaned");
  });

  it("orphans an empty stored quote", () => {
    expect(reanchor(PASSAGE, { start: 0, end: 0, exact: "", prefix: "", suffix: "" }).outcome).toBe("orphaned");
  });

  it.each([
    ["exact", true],
    ["moved", true],
    ["fuzzy", true],
    ["needs_review", false],
    ["orphaned", false],
  ] as const)("isCounted(%s) is %s", (outcome, counted) => {
    expect(isCounted(outcome)).toBe(counted);
  });

  const textAndRange = fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }).chain((text) => {
    const length = codePointLength(text);
    return fc
      .tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length }))
      .map(([a, b]) => ({ text, start: Math.min(a, b - 1), end: Math.max(a + 1, b) }));
  });

  it("property: an unchanged text re-anchors exactly", () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const stored = { start, end, ...quoteSelector(text, start, end) };
        expect(reanchor(text, stored)).toMatchObject({ start, end, outcome: "exact", confidence: 1 });
      }),
    );
  });

  it("property: inserting text outside the quote keeps it on the same words", () => {
    const wordChar = /[\p{L}\p{N}\p{M}]/u;
    fc.assert(
      fc.property(textAndRange, fc.string({ unit: "grapheme", maxLength: 20 }), fc.nat(), ({ text, start, end }, inserted, seed) => {
        const length = codePointLength(text);
        const outside = [...Array(start + 1).keys(), ...Array.from({ length: length - end + 1 }, (_, k) => end + k)];
        const at = nth(outside, seed % outside.length);
        const stored = { start, end, ...quoteSelector(text, start, end) };
        const edited = `${sliceCodePoints(text, 0, at)}${inserted}${sliceCodePoints(text, at, length)}`;
        const result = reanchor(edited, stored);
        expect(result.outcome).not.toBe("orphaned");
        // Word characters inserted right against a word character of the quote make it part
        // of a longer word (unless the stored quote already cut that word there).
        const isWord = (s: string | undefined) => s !== undefined && wordChar.test(s);
        const quote = Array.from(stored.exact);
        const glued =
          (at === start && isWord(Array.from(inserted).at(-1)) && isWord(quote[0]) && !isWord(Array.from(stored.prefix).at(-1))) ||
          (at === end && isWord(Array.from(inserted)[0]) && isWord(quote.at(-1)) && !isWord(Array.from(stored.suffix)[0]));
        if (inserted === "" || (at >= end && !glued)) expect(result.outcome).toBe("exact");
        if (!glued) {
          expect(result.outcome).not.toBe("fuzzy");
          expect(quoteOf(edited, result)).toBe(stored.exact);
        }
      }),
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
