import { describe, expect, it } from "vitest";
import { quoteSelector, quoteSpan } from "../anchoring";
import { approxSpans, bracketSpan, exactSpans, SEARCH_RADIUS } from "./candidates";
import { readContext } from "./context";
import { codePoints } from "./distance";
import { prepare, sliceOf } from "./prepared";
import type { StoredSelector } from "./types";

/** xs[i], failing the test when there is no such element. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, found ${xs.length} elements`);
  return x;
}

function stored(text: string, quote: string, occurrence = 0): StoredSelector {
  const span = quoteSpan(text, quote, occurrence)!;
  return { ...span, ...quoteSelector(text, span.start, span.end) };
}

describe("exactSpans", () => {
  it("scores every occurrence when there are few", () => {
    const p = prepare("Kim. Kim. Kim.");
    const sel = stored("Kim. Kim. Kim.", "Kim", 1);
    expect(exactSpans(p, "Kim", 3, readContext(sel), sel.start).map((s) => s.start)).toEqual([0, 5, 10]);
  });

  it("keeps the occurrence with agreeing context and the nearest one when there are many", () => {
    const filler = Array.from({ length: 30 }, (_, k) => `Mục ${k}: Nga.`).join(" ");
    const text = `${filler} Giới chức Nga gọi đây là tin giả.`;
    const sel = stored(text, "Nga", 30);
    const edited = `Tin mới. ${text}`;
    const spans = exactSpans(prepare(edited), "Nga", 3, readContext(sel), sel.start);
    expect(spans.length).toBeLessThanOrEqual(9);
    expect(spans.map((s) => s.start)).toContain(quoteSpan(edited, "Nga", 30)!.start);
  });
});

describe("approxSpans", () => {
  const quote = "áo giáp với các vùng bảo vệ";
  it("finds a near match close to the old place", () => {
    const text = "Đây là áo giáp với các vung bảo vệ cho ngực.";
    const p = prepare(text);
    const first = nth(approxSpans(p, quote, 27, 7, 8), 0);
    expect(sliceOf(p, first.start, first.end)).toBe("áo giáp với các vung bảo vệ");
  });

  it("does not look beyond the search radius", () => {
    const text = `${"x".repeat(SEARCH_RADIUS + 100)} áo giáp với các vung bảo vệ`;
    expect(approxSpans(prepare(text), quote, 27, 0, 8)).toEqual([]);
  });
});

describe("bracketSpan", () => {
  const original = "Ông Kim đến Nga hôm qua. Giới chức Nga gọi đây là tin giả, trong khi phía Ukraine im lặng.";
  const quote = "Giới chức Nga gọi đây là tin giả";
  it.each([
    ["the reworded middle", original.replace("tin giả", "thông tin bịa đặt"), "Giới chức Nga gọi đây là thông tin bịa đặt"],
    ["a typo fix (the same span approximate search finds)", original.replace("tin giả", "tin gỉa"), "Giới chức Nga gọi đây là tin gỉa"],
    ["nothing when the quote was deleted", original.replace(`${quote}, `, ""), null],
    ["nothing when the context is gone", "Một đoạn hoàn toàn khác, không còn câu nào như trước.", null],
  ])("%s", (_label, edited, expected) => {
    const sel = stored(original, quote);
    const p = prepare(edited);
    const span = bracketSpan(p, sel, readContext(sel), sel.start, codePoints(quote));
    expect(span && sliceOf(p, span.start, span.end)).toBe(expected);
  });

  it("anchors a short prefix that reached the paragraph start", () => {
    const sel = stored("Ông Kim đến Nga", "Kim");
    const p = prepare("Ông Kin đến Nga");
    const span = bracketSpan(p, sel, readContext(sel), sel.start, codePoints("Kim"));
    expect(span && sliceOf(p, span.start, span.end)).toBe("Kin");
  });

  it("needs context on both sides when the selector was saved without any", () => {
    const sel: StoredSelector = { start: 4, end: 7, exact: "Kim", prefix: "", suffix: "" };
    expect(bracketSpan(prepare("Ông Kin đến Nga"), sel, readContext(sel), 4, codePoints("Kim"))).toBeNull();
  });
});
