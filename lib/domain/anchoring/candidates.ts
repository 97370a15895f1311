// Where a stored quote might be now: its exact occurrences, approximate matches near the old
// place (bit-parallel search from approx-string-match, in bounded windows) and the span
// between the stored prefix and suffix. All offsets are code points unless named u16.
import search from "approx-string-match";
import { MIN_CONTEXT, type Context } from "./context";
import { editDistance } from "./distance";
import { cpEndOf, type Prepared } from "./prepared";
import type { StoredSelector } from "./types";

/** How far (code points) from the old range approximate matches and context are looked for; bounds the work. */
export const SEARCH_RADIUS = 1000;

/** Exact occurrences beyond this many are pre-ranked cheaply and only the best few scored fully. */
const FULLY_SCORED = 8;

/** Matches kept from one approximate search, nearest the old place first. */
const MATCH_LIMIT = 24;

export type SpanKind = "exact" | "approx" | "bracket";

export type Span = { kind: SpanKind; start: number; end: number };

function runLength(p: Prepared, from: number, step: 1 | -1, stored: Int32Array): number {
  let k = 0;
  for (let i = from; k < stored.length && i >= 0 && i < p.length && p.codes[i] === stored[k]; i += step) k++;
  return k;
}

/** Exact occurrences of the quote (length `length` code points), the most promising few when there are many. */
export function exactSpans(p: Prepared, quote: string, length: number, ctx: Context, old: number): Span[] {
  const starts: number[] = [];
  for (let at = p.text.indexOf(quote); at >= 0; at = p.text.indexOf(quote, at + 1)) {
    const start = p.u16ToCp[at];
    // Skip occurrences that begin on the low half of a surrogate pair.
    if (start !== undefined && p.cpToU16[start] === at) starts.push(start);
  }
  let chosen = starts;
  if (starts.length > FULLY_SCORED) {
    // Exact runs of agreeing context are cheap and usually pick the right one; the nearest
    // occurrence stays in so a typo in the context cannot push the true place out.
    const cheap = (s: number) => runLength(p, s - 1, -1, ctx.prefixReversed) + runLength(p, s + length, 1, ctx.suffix);
    const ranked = starts.map((s) => ({ s, cheap: cheap(s), drift: Math.abs(s - old) })).sort((a, b) => b.cheap - a.cheap || a.drift - b.drift);
    const nearest = ranked.reduce((a, b) => (b.drift < a.drift ? b : a));
    chosen = [...new Set([...ranked.slice(0, FULLY_SCORED).map((r) => r.s), nearest.s])];
  }
  return chosen.map((start) => ({ kind: "exact", start, end: start + length }));
}

/** Lowest-error approximate matches of `pattern` within code points from–to, as code point ranges. */
function searchWindow(p: Prepared, pattern: string, from: number, to: number, maxErrors: number): { start: number; end: number }[] {
  const base = p.cpToU16[from];
  // A window that starts past the text holds no matches.
  if (base === undefined) return [];
  const window = p.text.slice(base, p.cpToU16[to]);
  const seen = new Set<string>();
  const out: { start: number; end: number }[] = [];
  for (const m of search(window, pattern, maxErrors)) {
    // m lies inside the window, so both offsets are within the text.
    const start = p.u16ToCp[base + m.start];
    const end = cpEndOf(p, base + m.end);
    const key = `${start}:${end}`;
    if (start === undefined || end <= start || seen.has(key)) continue;
    seen.add(key);
    out.push({ start, end });
  }
  return out;
}

/** Approximate matches of the quote near the old start, nearest first; maxErrors counts UTF-16 units. */
export function approxSpans(p: Prepared, quote: string, length: number, old: number, maxErrors: number): Span[] {
  const from = Math.max(0, old - SEARCH_RADIUS);
  const to = Math.min(p.length, old + length + SEARCH_RADIUS + maxErrors);
  return searchWindow(p, quote, from, to, maxErrors)
    .sort((a, b) => Math.abs(a.start - old) - Math.abs(b.start - old))
    .slice(0, MATCH_LIMIT)
    .map((m) => ({ kind: "approx", ...m }));
}

/** Best j for which text[0..j) (or the last j code points, reversed) spells `stored`, within a quarter errors. */
function edgeAnchor(p: Prepared, stored: Int32Array, fromEnd: boolean): number | null {
  const width = Math.min(p.length, stored.length * 2 + 2);
  // The first (or, reversed, the last) `width` code points, read from the edge inward.
  const edge = fromEnd ? p.codes.slice(p.length - width).reverse() : p.codes.subarray(0, width);
  let best: { j: number; d: number } | null = null;
  for (let j = 0; j <= width; j++) {
    const d = editDistance(stored, edge.subarray(0, j));
    if (!best || d < best.d || (d === best.d && Math.abs(j - stored.length) < Math.abs(best.j - stored.length))) {
      best = { j, d };
    }
  }
  return best && best.d <= Math.floor(stored.length / 4) ? best.j : null;
}

function prefixEnds(p: Prepared, selector: StoredSelector, ctx: Context, old: number): number[] | null {
  const m = ctx.prefixReversed.length;
  if (m === 0) return ctx.known ? [0] : null;
  if (m >= MIN_CONTEXT) {
    const from = Math.max(0, old - SEARCH_RADIUS - m);
    const to = Math.min(p.length, old + SEARCH_RADIUS);
    const errors = Math.floor(selector.prefix.length / 4);
    return searchWindow(p, selector.prefix, from, to, errors)
      .slice(0, MATCH_LIMIT)
      .map((r) => r.end);
  }
  // A short prefix is only evidence when it reached the paragraph start.
  if (selector.start !== m) return null;
  const j = edgeAnchor(p, ctx.prefixReversed.slice().reverse(), false);
  return j === null ? null : [j];
}

function suffixStarts(p: Prepared, selector: StoredSelector, ctx: Context, old: number, length: number): number[] | null {
  const m = ctx.suffix.length;
  if (m === 0) return ctx.known ? [p.length] : null;
  if (m >= MIN_CONTEXT) {
    const from = Math.max(0, old - SEARCH_RADIUS);
    const to = Math.min(p.length, old + length + SEARCH_RADIUS + m);
    const errors = Math.floor(selector.suffix.length / 4);
    return searchWindow(p, selector.suffix, from, to, errors)
      .slice(0, MATCH_LIMIT)
      .map((r) => r.start);
  }
  // Short suffixes come from claims that ended near the paragraph end (context is 32 wide).
  const j = edgeAnchor(p, ctx.suffix.slice().reverse(), true);
  return j === null ? null : [p.length - j];
}

function isSpace(code: number): boolean {
  return /\s/u.test(String.fromCodePoint(code));
}

/** True when code point i of the text is whitespace; false past either end. */
function spaceAt(p: Prepared, i: number): boolean {
  const code = p.codes[i];
  return code !== undefined && isSpace(code);
}

/**
 * The text between where the stored prefix ends and the stored suffix starts, closest to the
 * quote's length: the reworded quote when its middle changed. Null when either side is not
 * found or nothing wordlike lies between them (the quote was deleted).
 */
export function bracketSpan(p: Prepared, selector: StoredSelector, ctx: Context, old: number, quote: Int32Array): Span | null {
  const length = quote.length;
  const first = quote[0];
  const last = quote[length - 1];
  // An empty quote has no words to find between the prefix and suffix.
  if (first === undefined || last === undefined) return null;
  const ends = prefixEnds(p, selector, ctx, old);
  const starts = ends && suffixStarts(p, selector, ctx, old, length);
  if (!ends || !starts) return null;
  let best: { start: number; end: number; cost: number } | null = null;
  for (const start of ends) {
    for (const end of starts) {
      const width = end - start;
      if (width <= 0 || width > 3 * length + 40) continue;
      const cost = Math.abs(width - length) + 0.01 * Math.abs(start - old);
      if (!best || cost < best.cost) best = { start, end, cost };
    }
  }
  if (!best) return null;
  let { start, end } = best;
  if (!isSpace(first)) while (start < end && spaceAt(p, start)) start++;
  if (!isSpace(last)) while (end > start && spaceAt(p, end - 1)) end--;
  for (let k = start; k < end; k++) if (p.isWord[k]) return { kind: "bracket", start, end };
  return null;
}
