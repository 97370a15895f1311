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
  const utf = spans
    .filter((s) => s.start < s.end)
    .map((s) => ({ id: s.id, from: safe(text, s.start, length), to: safe(text, s.end, length), len: s.end - s.start }));
  const points = [...new Set([0, length, ...utf.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  // Sweep the cut points left to right, keeping the covering claims sorted (outermost first):
  // each claim enters and leaves the active list once, by binary search.
  // A span whose offsets fell outside the text may end before it starts: it cuts but covers nothing.
  const covering = utf.filter((s) => s.from < s.to);
  const opens = [...covering].sort((a, b) => a.from - b.from);
  const closes = [...covering].sort((a, b) => a.to - b.to);
  const active: Wide[] = [];
  const segments: Segment[] = [];
  let o = 0;
  let c = 0;
  for (const [i, from] of points.entries()) {
    while (o < opens.length && opens[o]!.from <= from) {
      const s = opens[o++]!;
      active.splice(insertAt(active, s), 0, s);
    }
    while (c < closes.length && closes[c]!.to <= from) {
      const s = closes[c++]!;
      active.splice(indexOf(active, s), 1);
    }
    const to = points[i + 1];
    // The last cut only ends the segment before it.
    if (to === undefined) break;
    segments.push({ from, to, ids: active.map((s) => s.id) });
  }
  return segments;
}

type Wide = { id: string; from: number; to: number; len: number };

const outerFirst = (a: Wide, b: Wide) => b.len - a.len || a.id.localeCompare(b.id);

/** First index whose item sorts after `s`. */
function insertAt(list: Wide[], s: Wide): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (outerFirst(list[mid]!, s) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of `s` itself (equal keys can repeat, so search the run of equals). */
function indexOf(list: Wide[], s: Wide): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (outerFirst(list[mid]!, s) < 0) lo = mid + 1;
    else hi = mid;
  }
  while (list[lo] !== s) lo++;
  return lo;
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
