import { codePointToUtf16 } from "./text";

export type Span = { id: string; start: number; end: number };
export type Segment = {
  /** UTF-16 range into the passage text, ready for String.slice in the browser. */
  from: number;
  to: number;
  /** Claims covering this segment, outermost first, innermost last. */
  ids: string[];
};

/**
 * Cut a passage into segments where the set of covering claims is constant, so overlapping
 * and nested claims all stay visible. Input offsets in code points; output in UTF-16 units.
 */
export function layoutHighlights(text: string, spans: Span[]): Segment[] {
  const length = codePointToUtf16(text, Array.from(text).length);
  const valid = spans.filter((s) => s.start < s.end);
  const cuts = new Set<number>([0, length]);
  const utf = valid.map((s) => ({ id: s.id, from: safe(text, s.start, length), to: safe(text, s.end, length), len: s.end - s.start }));
  for (const s of utf) {
    cuts.add(s.from);
    cuts.add(s.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (const [i, from] of points.entries()) {
    const to = points[i + 1];
    // The last cut only ends the segment before it.
    if (to === undefined) break;
    if (from === to) continue;
    const covering = utf
      .filter((s) => s.from <= from && s.to >= to)
      .sort((a, b) => b.len - a.len || a.id.localeCompare(b.id))
      .map((s) => s.id);
    segments.push({ from, to, ids: covering });
  }
  return segments;
}

function safe(text: string, cp: number, max: number): number {
  try {
    return codePointToUtf16(text, cp);
  } catch {
    return max;
  }
}

/** Claims in reading order: passage position, then start, then longer first. */
export function readingOrder<T extends { start: number; end: number; passagePosition: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.passagePosition - b.passagePosition || a.start - b.start || b.end - a.end);
}
