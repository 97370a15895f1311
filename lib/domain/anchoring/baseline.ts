// The straightforward approx-string-match re-anchoring (as Hypothesis' client does it): the
// regression corpus measures reanchor against this. It has no word boundaries and no review
// state, so it can only say exact, moved, fuzzy or orphaned.
import search from "approx-string-match";
import { codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from "../text";
import type { StoredSelector } from "./types";

export type BaselineResult = { outcome: "exact" | "moved" | "fuzzy"; start: number; end: number; score: number } | { outcome: "orphaned" };

type Match = { start: number; end: number; errors: number };

/** 1 for an exact match of str somewhere in text, falling to 0 as edits grow (UTF-16 units). */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const [first] = search(text, str, str.length);
  return first ? 1 - first.errors / str.length : 0;
}

function matches(text: string, quote: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    exact.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return exact.length ? exact : search(text, quote, maxErrors);
}

/** Hypothesis-style re-anchoring of a stored selector in newText; offsets in code points. */
export function baselineReanchor(newText: string, selector: StoredSelector): BaselineResult {
  const quote = selector.exact;
  if (quote === "" || newText === "") return { outcome: "orphaned" };
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const hint = codePointToUtf16(newText, Math.min(Math.max(0, selector.start), codePointLength(newText)));
  let best: (Match & { score: number }) | null = null;
  for (const m of matches(newText, quote, maxErrors)) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = selector.prefix ? textMatchScore(newText.slice(Math.max(0, m.start - selector.prefix.length), m.start), selector.prefix) : 1;
    const suffixScore = selector.suffix ? textMatchScore(newText.slice(m.end, m.end + selector.suffix.length), selector.suffix) : 1;
    const posScore = 1 - Math.abs(m.start - hint) / newText.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { ...m, score };
  }
  if (!best) return { outcome: "orphaned" };
  const start = utf16ToCodePoint(newText, best.start);
  const end = utf16ToCodePoint(newText, best.end);
  const same = sliceCodePoints(newText, start, end) === quote;
  const outcome = same && start === selector.start && end === selector.end ? "exact" : same ? "moved" : "fuzzy";
  return { outcome, start, end, score: best.score };
}
