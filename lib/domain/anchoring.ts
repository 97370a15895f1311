// Annotation anchors: offsets plus a quote with context, so an annotation can be found again
// after the passage text is corrected. All offsets here count code points.
// Re-anchoring itself lives in ./anchoring/ (candidates, context scoring, decision rules).
import { prepare } from "./anchoring/prepared";
import type { QuoteSelector, ReanchorOutcome } from "./anchoring/types";
import { codePointLength, sliceCodePoints, utf16ToCodePoint } from "./text";

export type { QuoteSelector, ReanchorOutcome, ReanchorResult, ReanchorWhy, ReanchorWhyKey, StoredSelector } from "./anchoring/types";
export { REANCHOR_WHY_KEYS } from "./anchoring/types";
export { reanchor } from "./anchoring/reanchor";

/** Outcomes that are counted without review (kept for callers that record the method). */
export type ReanchorMethod = "exact" | "moved" | "fuzzy";

export type SelectorCheck = { ok: true } | { ok: false; reason: string };

/** Builds the quote and up to contextLength code points of prefix/suffix for start–end (code points). */
export function quoteSelector(text: string, start: number, end: number, contextLength = 32): QuoteSelector {
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

/** Cuts quote selectors (start–end in code points) out of one text. */
export type QuoteCutter = (start: number, end: number) => QuoteSelector;

/**
 * quoteSelector for many spans of one text: the text's code points are indexed once (shared with
 * re-anchoring, which indexes the same text), so each cut costs the quote's length, not the text's.
 */
export function quoteCutter(text: string, contextLength = 32): QuoteCutter {
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`context length ${contextLength} must be a whole number ≥ 0`);
  }
  const { cpToU16, length } = prepare(text);
  const slice = (from: number, to: number) => text.slice(cpToU16[from], cpToU16[to]);
  return (start, end) => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length) {
      throw new RangeError(`span ${start}–${end} is outside 0–${length} (code points)`);
    }
    if (end < start) throw new RangeError(`start ${start} is after end ${end}`);
    return {
      exact: slice(start, end),
      prefix: slice(Math.max(0, start - contextLength), start),
      suffix: slice(end, Math.min(length, end + contextLength)),
    };
  };
}

function shorten(s: string, max = 60): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const half = Math.floor((max - 1) / 2);
  return `${chars.slice(0, half).join("")}…${chars.slice(-half).join("")}`;
}

/**
 * Checks that start–end (code points) is a non-empty range inside text and, if given, that exact
 * matches it. @phrasebook: the claim form shows the reason as it is (a quote that no longer matches).
 */
export function checkSelector(text: string, selector: { start: number; end: number; exact?: string }): SelectorCheck {
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

/** True for outcomes that count towards a verdict without a person confirming them. */
export function isCounted(outcome: ReanchorOutcome): boolean {
  return outcome === "exact" || outcome === "moved" || outcome === "fuzzy";
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
