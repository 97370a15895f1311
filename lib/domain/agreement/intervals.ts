// Half-open intervals [start, end) on one passage, offsets in code points.

export type Interval = { start: number; end: number };

/** Length of the intersection of two intervals, in code points (0 when they only touch or are apart). */
export function overlapLength(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Sorted, non-overlapping intervals covering the same points; intervals that only touch stay apart, empty ones are dropped. */
export function mergeOverlapping(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** Total length of sorted, non-overlapping intervals, in code points. */
export function totalLength(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const i of intervals) sum += i.end - i.start;
  return sum;
}

/** Length of the intersection of two sorted, non-overlapping interval lists, in code points (linear two-pointer sweep). */
export function intersectionLength(a: readonly Interval[], b: readonly Interval[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    sum += overlapLength(x, y);
    if (x.end <= y.end) i++;
    else j++;
  }
  return sum;
}
