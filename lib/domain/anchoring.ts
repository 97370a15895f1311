// Annotation anchors: offsets plus a quote with context, so an annotation can be found again
// after the passage text is corrected. All offsets here count code points.
import { codePointLength, sliceCodePoints, utf16ToCodePoint } from "./text";

export type QuoteSelector = { exact: string; prefix: string; suffix: string };

export type StoredSelector = QuoteSelector & { start: number; end: number };

export type SelectorCheck = { ok: true } | { ok: false; reason: string };

export type ReanchorMethod = "exact" | "moved" | "fuzzy";

export type Reanchored = { start: number; end: number; method: ReanchorMethod };

/** Share of the quote length that may differ in a fuzzy match. */
const FUZZY_ERROR_RATE = 0.2;

/** How far (code points) beyond the old range a fuzzy match may start; also bounds the work. */
const FUZZY_SEARCH_RADIUS = 1000;

/** Builds the quote and up to contextLength code points of prefix/suffix for start–end (code points). */
export function quoteSelector(
  text: string,
  start: number,
  end: number,
  contextLength = 32,
): QuoteSelector {
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`context length ${contextLength} must be a whole number ≥ 0`);
  }
  const length = codePointLength(text);
  return {
    exact: sliceCodePoints(text, start, end),
    prefix: sliceCodePoints(text, Math.max(0, start - contextLength), start),
    suffix: sliceCodePoints(text, end, Math.min(length, end + contextLength)),
  };
}

function shorten(s: string, max = 60): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const half = Math.floor((max - 1) / 2);
  return `${chars.slice(0, half).join("")}…${chars.slice(-half).join("")}`;
}

/** Checks that start–end (code points) is a non-empty range inside text and, if given, that exact matches it. */
export function checkSelector(
  text: string,
  selector: { start: number; end: number; exact?: string },
): SelectorCheck {
  const { start, end, exact } = selector;
  for (const [name, value] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (!Number.isInteger(value)) return { ok: false, reason: `${name} ${value} is not a whole number` };
    if (value < 0) return { ok: false, reason: `${name} ${value} is negative` };
  }
  if (start > end) return { ok: false, reason: `start ${start} is after end ${end}` };
  if (start === end) return { ok: false, reason: "empty selection" };
  const length = codePointLength(text);
  if (end > length) {
    return {
      ok: false,
      reason: `end ${end} is outside the passage (length ${length} code points)`,
    };
  }
  if (exact !== undefined) {
    const found = sliceCodePoints(text, start, end);
    if (found !== exact) {
      return {
        ok: false,
        reason: `quote does not match the text at ${start}–${end}: expected "${shorten(exact)}", found "${shorten(found)}"`,
      };
    }
  }
  return { ok: true };
}

function matchesAt(chars: string[], quote: string[], at: number): boolean {
  if (at < 0 || at + quote.length > chars.length) return false;
  for (let k = 0; k < quote.length; k++) {
    if (chars[at + k] !== quote[k]) return false;
  }
  return true;
}

/** Code points shared by the end of `context` and the text just before `at`. */
function prefixAgreement(chars: string[], at: number, context: string[]): number {
  let n = 0;
  while (n < context.length && at - 1 - n >= 0 && chars[at - 1 - n] === context[context.length - 1 - n]) n++;
  return n;
}

/** Code points shared by the start of `context` and the text from `at` on. */
function suffixAgreement(chars: string[], at: number, context: string[]): number {
  let n = 0;
  while (n < context.length && at + n < chars.length && chars[at + n] === context[n]) n++;
  return n;
}

function findMoved(chars: string[], quote: string[], selector: StoredSelector): Reanchored | null {
  const prefix = Array.from(selector.prefix);
  const suffix = Array.from(selector.suffix);
  let best: { start: number; score: number; drift: number } | null = null;
  for (let at = 0; at + quote.length <= chars.length; at++) {
    if (!matchesAt(chars, quote, at)) continue;
    const score =
      prefixAgreement(chars, at, prefix) + suffixAgreement(chars, at + quote.length, suffix);
    const drift = Math.abs(at - selector.start);
    if (!best || score > best.score || (score === best.score && drift < best.drift)) {
      best = { start: at, score, drift };
    }
  }
  return best && { start: best.start, end: best.start + quote.length, method: "moved" };
}

/**
 * Approximate substring search (Sellers' algorithm): the window of `chars` with the smallest
 * edit distance to `quote`, at most maxErrors, nearest to oldStart on ties.
 */
function findFuzzy(
  chars: string[],
  quote: string[],
  maxErrors: number,
  oldStart: number,
): { start: number; end: number } | null {
  const n = chars.length;
  const m = quote.length;
  // dist[j]: edit distance of the quote prefix against the best window ending at j;
  // from[j]: where that window starts.
  let dist = new Int32Array(n + 1);
  let from = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let nextDist = new Int32Array(n + 1);
  let nextFrom = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    nextDist[0] = i;
    nextFrom[0] = 0;
    for (let j = 1; j <= n; j++) {
      const substitute = dist[j - 1] + (quote[i - 1] === chars[j - 1] ? 0 : 1);
      const skipQuote = dist[j] + 1;
      const skipText = nextDist[j - 1] + 1;
      if (substitute <= skipQuote && substitute <= skipText) {
        nextDist[j] = substitute;
        nextFrom[j] = from[j - 1];
      } else if (skipQuote <= skipText) {
        nextDist[j] = skipQuote;
        nextFrom[j] = from[j];
      } else {
        nextDist[j] = skipText;
        nextFrom[j] = nextFrom[j - 1];
      }
    }
    [dist, nextDist] = [nextDist, dist];
    [from, nextFrom] = [nextFrom, from];
  }
  let best: { start: number; end: number; errors: number; drift: number } | null = null;
  for (let end = 1; end <= n; end++) {
    const errors = dist[end];
    const start = from[end];
    if (errors > maxErrors || end === start) continue;
    const drift = Math.abs(start - oldStart);
    if (!best || errors < best.errors || (errors === best.errors && drift < best.drift)) {
      best = { start, end, errors, drift };
    }
  }
  return best && { start: best.start, end: best.end };
}

/**
 * Finds a stored selector again in corrected text (offsets in code points): same offsets
 * ("exact"), else the occurrence of the quote whose context agrees best, nearest the old
 * start on ties ("moved"), else the closest window within 20% edits near the old position
 * ("fuzzy"), else null so the caller can mark the annotation orphaned.
 */
export function reanchor(newText: string, selector: StoredSelector): Reanchored | null {
  const chars = Array.from(newText);
  const quote = Array.from(selector.exact);
  if (quote.length === 0) return null;

  if (selector.end - selector.start === quote.length && matchesAt(chars, quote, selector.start)) {
    return { start: selector.start, end: selector.end, method: "exact" };
  }

  const moved = findMoved(chars, quote, selector);
  if (moved) return moved;

  const maxErrors = Math.floor(quote.length * FUZZY_ERROR_RATE);
  if (maxErrors === 0) return null;
  // The old offsets may lie past the end of a shortened text.
  const oldStart = Math.min(Math.max(0, selector.start), chars.length);
  const windowStart = Math.max(0, oldStart - FUZZY_SEARCH_RADIUS);
  const windowEnd = Math.min(chars.length, oldStart + quote.length + FUZZY_SEARCH_RADIUS + maxErrors);
  const window = chars.slice(windowStart, windowEnd);
  const fuzzy = findFuzzy(window, quote, maxErrors, oldStart - windowStart);
  return fuzzy && { start: fuzzy.start + windowStart, end: fuzzy.end + windowStart, method: "fuzzy" };
}

/** Code-point span of the n-th (0-based) occurrence of `quote` in `text`, or null when absent. */
export function quoteSpan(text: string, quote: string, occurrence = 0): { start: number; end: number } | null {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0 || quote.length === 0) return null;
  }
  const start = utf16ToCodePoint(text, at);
  return { start, end: start + codePointLength(quote) };
}
