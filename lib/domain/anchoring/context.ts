// How well the stored prefix and suffix agree with the text around a candidate span.
import { anchoredDistance, codePoints } from "./distance";
import type { Prepared } from "./prepared";
import type { StoredSelector } from "./types";

/** Context shorter than this (code points) is too little evidence to call a contradiction. */
export const MIN_CONTEXT = 8;

/** Agreement of one side: score 0..1, and whether it is strong enough evidence to contradict. */
export type Side = { score: number; assessable: boolean };

/** Stored context read once per selector; prefix is kept reversed so both sides read outward. */
export type Context = {
  prefixReversed: Int32Array;
  suffix: Int32Array;
  /** False for selectors saved without context (empty prefix and suffix away from the start). */
  known: boolean;
};

/** Reads the stored context of a selector. */
export function readContext(selector: StoredSelector): Context {
  return {
    prefixReversed: codePoints(selector.prefix).reverse(),
    suffix: codePoints(selector.suffix),
    known: selector.prefix !== "" || selector.suffix !== "" || selector.start === 0,
  };
}

const UNKNOWN: Side = { score: 0.5, assessable: false };

/** `read(k)` is the k-th code point outward from the anchor, defined for 0 ≤ k < available. */
function side(stored: Int32Array, known: boolean, atEdge: boolean, read: (k: number) => number | undefined, available: number): Side {
  if (stored.length === 0) {
    // An empty side of a selector that has context means the claim touched the paragraph edge.
    if (!known || !atEdge) return UNKNOWN;
    return { score: 1, assessable: true };
  }
  const assessable = stored.length >= MIN_CONTEXT;
  // Most claims keep their context verbatim; only run the DP when it did not.
  let same = 0;
  while (same < stored.length && same < available && read(same) === stored[same]) same++;
  if (same === stored.length) return { score: 1, assessable };
  const window = new Int32Array(Math.min(available, stored.length + Math.ceil(stored.length / 2) + 2));
  // window.length ≤ available, so every read here is inside the text.
  for (let k = 0; k < window.length; k++) window[k] = read(k)!;
  const score = 1 - anchoredDistance(stored, window) / stored.length;
  return { score: Math.max(0, score), assessable };
}

/** Agreement of the stored prefix with the text ending at `start` (code points, 0..p.length). */
export function prefixSide(p: Prepared, ctx: Context, start: number): Side {
  return side(ctx.prefixReversed, ctx.known, start === 0, (k) => p.codes[start - 1 - k], start);
}

/** Agreement of the stored suffix with the text starting at `end` (code points, 0..p.length). */
export function suffixSide(p: Prepared, ctx: Context, end: number): Side {
  return side(ctx.suffix, ctx.known, end === p.length, (k) => p.codes[end + k], p.length - end);
}

/** Both assessable sides disagree clearly (below 0.5; unrelated text scores about 0.2–0.4). */
export function contradicts(prefix: Side, suffix: Side): boolean {
  const sides = [prefix, suffix].filter((s) => s.assessable);
  return sides.length > 0 && sides.every((s) => s.score < 0.5);
}

/** Every assessable side agrees well (0.7 or more: a typo or a missing space still passes). */
export function agrees(prefix: Side, suffix: Side): boolean {
  return [prefix, suffix].every((s) => !s.assessable || s.score >= 0.7);
}
