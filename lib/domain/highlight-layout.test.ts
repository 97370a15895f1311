import { describe, expect, it } from "vitest";
import { layoutHighlights, readingOrder } from "./highlight-layout";

describe("layoutHighlights", () => {
  it("keeps nested claims visible as separate layers", () => {
    const text = "Moscow denies sending shells to Kyiv front.";
    const segs = layoutHighlights(text, [
      { id: "outer", start: 0, end: 43 },
      { id: "inner", start: 14, end: 28 },
    ]);
    expect(segs.map((s) => [text.slice(s.from, s.to), s.ids])).toEqual([
      ["Moscow denies ", ["outer"]],
      ["sending shells", ["outer", "inner"]],
      [" to Kyiv front.", ["outer"]],
    ]);
  });

  it("splits partially overlapping claims into three parts", () => {
    const segs = layoutHighlights("abcdefghij", [
      { id: "a", start: 0, end: 6 },
      { id: "b", start: 4, end: 10 },
    ]);
    expect(segs.map((s) => s.ids)).toEqual([["a"], ["a", "b"], ["b"]]);
  });

  it("converts code points to UTF-16 around emoji", () => {
    const text = "🚀 launch 🇻🇳 flag";
    // "launch" is code points 2..8; in UTF-16 it starts at 3.
    const segs = layoutHighlights(text, [{ id: "x", start: 2, end: 8 }]);
    const hit = segs.find((s) => s.ids.length)!;
    expect(text.slice(hit.from, hit.to)).toBe("launch");
  });

  it("covers the whole text with no claims", () => {
    expect(layoutHighlights("plain", [])).toEqual([{ from: 0, to: 5, ids: [] }]);
  });
});

describe("readingOrder", () => {
  it("sorts by passage, start, then longer first", () => {
    const items = [
      { id: "c", passagePosition: 1, start: 0, end: 5 },
      { id: "b", passagePosition: 0, start: 3, end: 4 },
      { id: "a2", passagePosition: 0, start: 0, end: 2 },
      { id: "a1", passagePosition: 0, start: 0, end: 9 },
    ];
    expect(readingOrder(items).map((i) => i.id)).toEqual(["a1", "a2", "b", "c"]);
  });
});
