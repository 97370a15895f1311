import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutHighlights, readingOrder, type Segment, type Span } from "./highlight-layout";
import { codePointToUtf16 } from "./text";

/** The original quadratic layout, kept as the reference the sweep must match exactly. */
function referenceLayout(text: string, spans: Span[]): Segment[] {
  const length = codePointToUtf16(text, Array.from(text).length);
  const safe = (cp: number) => {
    try {
      return codePointToUtf16(text, cp);
    } catch {
      return length;
    }
  };
  const utf = spans.filter((s) => s.start < s.end).map((s) => ({ id: s.id, from: safe(s.start), to: safe(s.end), len: s.end - s.start }));
  const points = [...new Set([0, length, ...utf.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (const [i, from] of points.entries()) {
    const to = points[i + 1];
    if (to === undefined) break;
    if (from === to) continue;
    const ids = utf
      .filter((s) => s.from <= from && s.to >= to)
      .sort((a, b) => b.len - a.len || a.id.localeCompare(b.id))
      .map((s) => s.id);
    segments.push({ from, to, ids });
  }
  return segments;
}

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

  it("matches the reference layout for any claims, including emoji, empty, reversed and out-of-range spans", () => {
    const text = fc.array(fc.constantFrom("a", " ", "é", "🚀", "🇻🇳", "x"), { maxLength: 40 }).map((cs) => cs.join(""));
    const span = fc.record({
      id: fc.constantFrom("a", "b", "c", "d", "e", "B", "é"),
      start: fc.integer({ min: -2, max: 50 }),
      end: fc.integer({ min: -2, max: 50 }),
    });
    fc.assert(
      fc.property(text, fc.array(span, { maxLength: 30 }), (t, spans) => {
        expect(layoutHighlights(t, spans)).toEqual(referenceLayout(t, spans));
      }),
      { numRuns: 2000 },
    );
  });

  it("matches the reference for 2,000 claims in one dense paragraph", () => {
    const text = "word ".repeat(2000);
    const spans = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, start: (i * 7) % 9000, end: ((i * 7) % 9000) + 3 + (i % 11) }));
    expect(layoutHighlights(text, spans)).toEqual(referenceLayout(text, spans));
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
