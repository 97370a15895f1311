import { type Interval, mergeOverlapping, overlapLength } from "./intervals";
import { compareStrings } from "./order";

/** One observer's unit on a continuum, [start, end) in code points. */
export type UnitizingUnit = { observer: string; start: number; end: number };
/** A stretch [start, end) that every observer read in full, with the units they marked on it. */
export type UnitizingContinuum = { start: number; end: number; units: readonly UnitizingUnit[] };
/** uα's parts: observed and expected disagreement (squared lengths over L²) and α = 1 − observed/expected. */
export type UnitizingDisagreement = { observed: number; expected: number; alpha: number | null };

/**
 * Krippendorff's binary unitizing alpha (uα, one category "unit" against gaps; Krippendorff, Content Analysis, 2nd ed., 2004) for exactly
 * two observers. Null for more than two: Krippendorff, Mathet, Bouvry & Widlöcher (2016) found this definition does not
 * behave as intended beyond two observers and replaced it, and that replacement is not implemented here. See
 * `unitizingDisagreement` for the data conventions.
 */
export function krippendorffUnitizingAlpha(observers: readonly string[], continua: readonly UnitizingContinuum[]): number | null {
  return new Set(observers).size === 2 ? (unitizingDisagreement(observers, continua)?.alpha ?? null) : null;
}

/**
 * uα's observed and expected disagreement (Krippendorff 2004: distance δ² = (Δstart)² + (Δend)² between overlapping
 * units, l² for a unit lying in the other's gap, 0 otherwise), for two or more observers; null without 2 observers or
 * any length. An observer's overlapping units are merged (uα needs one observer's sections to be disjoint); units that
 * only touch stay apart. Several continua count as one of their total length whose gaps end at each continuum's bounds,
 * so the order of continua does not matter; with one continuum this is exactly Krippendorff's formula.
 * `alpha` is null when expected disagreement is 0 (nobody marked anything).
 */
export function unitizingDisagreement(observers: readonly string[], continua: readonly UnitizingContinuum[]): UnitizingDisagreement | null {
  const ids = [...new Set(observers)].sort(compareStrings);
  const m = ids.length;
  const length = continua.reduce((sum, c) => sum + (c.end - c.start), 0);
  if (m < 2 || length <= 0) return null;

  let distances = 0; // Σ over unordered observer pairs of Σ δ² between their sections
  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  for (const continuum of continua) {
    const sections = ids.map((id) => unitsOf(id, continuum));
    for (const units of sections) {
      for (const u of units) unitLengths.push(u.end - u.start);
      gapLengths.push(...gapsOf(units, continuum).map((g) => g.end - g.start));
    }
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) distances += pairDistance(sections[i]!, sections[j]!);
  }
  const observed = (2 * distances) / (m * (m - 1) * length * length);
  const expected = expectedDisagreement(m, length, unitLengths, gapLengths);
  return { observed, expected, alpha: expected === 0 ? null : 1 - observed / expected };
}

function unitsOf(observer: string, continuum: UnitizingContinuum): Interval[] {
  const own = continuum.units.filter((u) => u.observer === observer);
  for (const u of own) {
    if (u.start < continuum.start || u.end > continuum.end || u.start > u.end) {
      throw new Error(`unitizing: unit [${u.start}, ${u.end}) of ${observer} lies outside the continuum [${continuum.start}, ${continuum.end})`);
    }
  }
  return mergeOverlapping(own);
}

function gapsOf(units: readonly Interval[], continuum: UnitizingContinuum): Interval[] {
  const gaps: Interval[] = [];
  let at = continuum.start;
  for (const u of units) {
    if (u.start > at) gaps.push({ start: at, end: u.start });
    at = u.end;
  }
  if (continuum.end > at) gaps.push({ start: at, end: continuum.end });
  return gaps;
}

/** Σ δ² over the sections of two observers (sorted, disjoint units): unit–unit pairs that overlap, and units inside the other's gaps. */
function pairDistance(a: readonly Interval[], b: readonly Interval[]): number {
  let sum = 0;
  const hitA = new Array<boolean>(a.length).fill(false);
  const hitB = new Array<boolean>(b.length).fill(false);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (overlapLength(x, y) > 0) {
      sum += (x.start - y.start) ** 2 + (x.end - y.end) ** 2;
      hitA[i] = true;
      hitB[j] = true;
    }
    if (x.end <= y.end) i++;
    else j++;
  }
  // A unit overlapping none of the other's units lies within a single one of their gaps.
  a.forEach((x, k) => {
    if (!hitA[k]) sum += (x.end - x.start) ** 2;
  });
  b.forEach((y, k) => {
    if (!hitB[k]) sum += (y.end - y.start) ** 2;
  });
  return sum;
}

/**
 * Krippendorff (2004) uDe = (2/L)·Σ_units [ (N−1)(2l³ − 3l² + l)/3 + l²·Σ_{gaps g, g ≥ l} (g − l + 1) ] / [ mL(mL − 1) − Σ_units l(l − 1) ],
 * N the number of units of all observers. The inner gap sum uses sorted gaps and suffix sums, so it is O((N + G) log G).
 */
function expectedDisagreement(m: number, length: number, unitLengths: readonly number[], gapLengths: readonly number[]): number {
  const n = unitLengths.length;
  if (n === 0) return 0;
  const gaps = [...gapLengths].sort((x, y) => x - y);
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of unitLengths) {
    const first = lowerBound(gaps, l);
    const fitting = gaps.length - first;
    const placements = suffix[first]! - fitting * (l - 1); // Σ (g − l + 1) over gaps g ≥ l
    numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * placements;
    selfPairs += l * (l - 1);
  }
  const denominator = m * length * (m * length - 1) - selfPairs;
  return denominator <= 0 ? 0 : ((2 / length) * numerator) / denominator;
}

/** Index of the first element ≥ value in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
