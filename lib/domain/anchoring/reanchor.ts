// Decides where a stored claim is in corrected text and how much to trust it. Candidates come
// from ./candidates; each is scored on quote, prefix, suffix and position together (the
// weighting of Hypothesis' match-quote), then rules decide whether the result may be counted.
import { approxSpans, bracketSpan, exactSpans, type Span } from "./candidates";
import { agrees, contradicts, prefixSide, readContext, suffixSide, type Context, type Side } from "./context";
import { codePoints, editDistance } from "./distance";
import { cutsWord, isWordCode, prepare, sliceOf, snapToWords, type Prepared } from "./prepared";
import type { ReanchorResult, ReanchorWhy, StoredSelector } from "./types";
import { changedMiddle, changeValues, describeChange, isRewording, numberChange, type Change } from "./words";

/** Quotes shorter than this (code points) are only ever matched exactly. */
export const SHORT_QUOTE = 12;
/** Quotes at least this long are distinctive enough to follow even when all their context changed. */
export const LONG_QUOTE = 24;

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
/** Candidates whose evidence differs by less than this are equally good. */
const TIE = 0.02;
/** needs_review scales its score by this, so a proposal reads as less sure than a counted match. */
const REVIEW_CONFIDENCE = 0.6;
/** Edit distances are not computed beyond this many DP cells; such spans count as rewritten. */
const MAX_DP_CELLS = 4_000_000;

/** Edits (code points) a counted fuzzy match may have: none under 12, then 15% rising to 30% for long quotes. */
export function errorBudget(length: number): number {
  if (length < SHORT_QUOTE) return 0;
  return Math.floor(length * Math.min(0.3, 0.15 + length / 600));
}

/** Code points a fuzzy match may grow by when snapped to whole words before it needs review. */
export function snapAllowance(length: number): number {
  return Math.max(2, Math.floor(length * 0.1));
}

type Quote = {
  selector: StoredSelector;
  codes: Int32Array;
  length: number;
  ctx: Context;
  /** Old start clamped into the new text. */
  old: number;
  startCutWord: boolean;
  endCutWord: boolean;
};

type Candidate = {
  start: number;
  end: number;
  text: string;
  dist: number;
  snapped: number;
  prefix: Side;
  suffix: Side;
  boundaryOk: boolean;
  change: Change;
  /** Weighted quote and context agreement, 0..1. */
  evidence: number;
  /** evidence plus the small position term. */
  score: number;
  drift: number;
};

function lastCode(s: string): number | null {
  return Array.from(s).at(-1)?.codePointAt(0) ?? null;
}

function firstCode(s: string): number | null {
  return s.length ? s.codePointAt(0)! : null;
}

function readQuote(p: Prepared, selector: StoredSelector): Quote {
  const codes = codePoints(selector.exact);
  const before = lastCode(selector.prefix);
  const after = firstCode(selector.suffix);
  // An empty quote (reanchor orphans it before reading) has no first or last word to cut.
  const first = codes[0];
  const last = codes[codes.length - 1];
  return {
    selector,
    codes,
    length: codes.length,
    ctx: readContext(selector),
    old: Number.isFinite(selector.start) ? Math.min(Math.max(0, Math.floor(selector.start)), p.length) : 0,
    startCutWord: before !== null && first !== undefined && isWordCode(before) && isWordCode(first),
    endCutWord: after !== null && last !== undefined && isWordCode(after) && isWordCode(last),
  };
}

/** The same words may keep a cut inside a word the editor made on purpose, but must not gain one. */
function keepsBoundaries(p: Prepared, q: Quote, start: number, end: number): boolean {
  return (!cutsWord(p, start) || q.startCutWord) && (!cutsWord(p, end) || q.endCutWord);
}

const NO_CHANGE: Change = { before: "", after: "" };

function evaluate(p: Prepared, q: Quote, span: Span): Candidate {
  let { start, end } = span;
  let snapped = 0;
  let boundaryOk = true;
  if (span.kind === "exact") {
    boundaryOk = keepsBoundaries(p, q, start, end);
  } else {
    const snappedSpan = snapToWords(p, start, end);
    snapped = start - snappedSpan.start + (snappedSpan.end - end);
    ({ start, end } = snappedSpan);
  }
  const text = sliceOf(p, start, end);
  let dist = 0;
  if (span.kind !== "exact") {
    const codes = p.codes.subarray(start, end);
    dist = codes.length * q.length > MAX_DP_CELLS ? Math.max(codes.length, q.length) : editDistance(q.codes, codes);
  }
  const prefix = prefixSide(p, q.ctx, start);
  const suffix = suffixSide(p, q.ctx, end);
  const quoteScore = Math.max(0, 1 - dist / q.length);
  const raw = WEIGHT.quote * quoteScore + WEIGHT.prefix * prefix.score + WEIGHT.suffix * suffix.score;
  const drift = Math.abs(start - q.old);
  const position = 1 - Math.min(1, drift / Math.max(1, p.length));
  return {
    start,
    end,
    text,
    dist,
    snapped,
    prefix,
    suffix,
    boundaryOk,
    change: dist === 0 ? NO_CHANGE : changedMiddle(q.selector.exact, text),
    evidence: raw / (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix),
    score: (raw + WEIGHT.position * position) / (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position),
    drift,
  };
}

function countable(q: Quote, c: Candidate): boolean {
  if (!c.boundaryOk) return false;
  if (c.dist === 0) return q.length >= LONG_QUOTE || !contradicts(c.prefix, c.suffix);
  return (
    q.length >= SHORT_QUOTE &&
    c.dist <= errorBudget(q.length) &&
    c.snapped <= snapAllowance(q.length) &&
    agrees(c.prefix, c.suffix) &&
    !isRewording(c.change) &&
    numberChange(q.selector.exact, c.text) === null
  );
}

function best(cs: Candidate[]): Candidate | null {
  return cs.reduce<Candidate | null>((a, b) => (!a || b.score > a.score ? b : a), null);
}

/** Other candidates as good as `top` on quote and context, elsewhere, and not clearly farther away. */
function rivals(top: Candidate, cs: Candidate[]): Candidate[] {
  return cs.filter((c) => c !== top && (c.end <= top.start || c.start >= top.end) && top.evidence - c.evidence < TIE && top.drift * 2 > c.drift);
}

type Reason = { reason: string; why: ReanchorWhy };

function reviewReason(q: Quote, c: Candidate): Reason {
  if (!c.boundaryOk) return { reason: "the quote is now part of a longer word", why: { key: "longerWord" } };
  if (c.dist > 0) {
    const what = describeChange(c.change);
    const numbers = numberChange(q.selector.exact, c.text);
    if (numbers) return { reason: `the numbers changed: ${describeChange(numbers)}`, why: { key: "numbersChanged", values: changeValues(numbers) } };
    if (q.length < SHORT_QUOTE) return { reason: `a short quote must match exactly: ${what}`, why: { key: "shortQuote", values: changeValues(c.change) } };
    const budget = errorBudget(q.length);
    if (c.snapped > snapAllowance(q.length) && c.dist - c.snapped <= budget) {
      return { reason: `the span had to be widened by ${characters(c.snapped)} to whole words`, why: { key: "widened", values: { count: c.snapped } } };
    }
    if (c.dist > budget || isRewording(c.change)) return { reason: `reworded: ${what}`, why: { key: "reworded", values: changeValues(c.change) } };
    if (!agrees(c.prefix, c.suffix)) {
      return {
        reason: `the quote changed (${what}) and the text around it is different`,
        why: { key: "quoteAndContextChanged", values: changeValues(c.change) },
      };
    }
  }
  if (contradicts(c.prefix, c.suffix)) return { reason: "the text around it is different", why: { key: "contextDifferent" } };
  return { reason: "the evidence is weak", why: { key: "weak" } };
}

function confidence(c: Candidate): number {
  return Math.round(c.score * 1000) / 1000;
}

/** Below this, a proposal is more likely wrong words than the claim: the claim is orphaned instead. */
export const MIN_PROPOSAL_CONFIDENCE = 0.3;

function review(c: Candidate, { reason, why }: Reason): ReanchorResult {
  const confidence = Math.round(c.score * REVIEW_CONFIDENCE * 1000) / 1000;
  // Proposing unrelated words would send the desk chasing a false lead; keep the old quote instead.
  if (confidence < MIN_PROPOSAL_CONFIDENCE) {
    return { outcome: "orphaned", confidence: 0, reason: `nothing close enough to propose (${reason})`, why: { key: "nothingClose", inner: why } };
  }
  return { outcome: "needs_review", start: c.start, end: c.end, confidence, reason, why };
}

function ambiguity(top: Candidate, others: Candidate[]): ReanchorResult {
  const count = others.length + 1;
  return review(top, {
    reason: `found ${count} places with these words and the text around them does not say which`,
    why: { key: "ambiguous", values: { count } },
  });
}

function characters(n: number): string {
  return n === 1 ? "1 character" : `${n} characters`;
}

function moved(q: Quote, c: Candidate): ReanchorResult {
  const shift = c.start - q.old;
  const where = shift === 0 ? "at the same start" : `${characters(Math.abs(shift))} ${shift > 0 ? "later" : "earlier"}`;
  const contextChanged = !agrees(c.prefix, c.suffix);
  const note = contextChanged ? "; the text around it changed" : "";
  const why: ReanchorWhy = {
    key: "moved",
    values: { direction: shift === 0 ? "same" : shift > 0 ? "later" : "earlier", count: Math.abs(shift), context: contextChanged ? "changed" : "same" },
  };
  return { outcome: "moved", start: c.start, end: c.end, confidence: confidence(c), reason: `the same words were found ${where}${note}`, why };
}

function fuzzy(q: Quote, c: Candidate): ReanchorResult {
  const reason = `the quote's words changed (${c.dist} of ${q.length} characters): ${describeChange(c.change)}`;
  const why: ReanchorWhy = { key: "fuzzy", values: { changed: c.dist, length: q.length, ...changeValues(c.change) } };
  return { outcome: "fuzzy", start: c.start, end: c.end, confidence: confidence(c), reason, why };
}

function uniqueVerbatim(p: Prepared, selector: StoredSelector, q: Quote): Candidate | null {
  if (!q.ctx.known) return null;
  const full = selector.prefix + selector.exact + selector.suffix;
  const at = p.text.indexOf(full);
  if (at < 0 || p.text.indexOf(full, at + 1) >= 0) return null;
  // at + prefix length ≤ text length, so this is a code point index of the text.
  const start = p.u16ToCp[at + selector.prefix.length];
  if (start === undefined) return null;
  return evaluate(p, q, { kind: "exact", start, end: start + q.length });
}

/** Find a stored selector again in corrected text; offsets in code points. */
export function reanchor(newText: string, selector: StoredSelector): ReanchorResult {
  if (selector.exact === "") return { outcome: "orphaned", confidence: 0, reason: "the stored quote is empty", why: { key: "empty" } };
  const p = prepare(newText);
  const q = readQuote(p, selector);
  const { start, end } = selector;
  const inPlace = Number.isInteger(start) && start >= 0 && end - start === q.length && end <= p.length && sliceOf(p, start, end) === selector.exact;
  // Text glued onto the quote ("Văn A" → "Văn An") changes the word, so the same offsets are not enough.
  if (inPlace && keepsBoundaries(p, q, start, end)) {
    return { outcome: "exact", start, end, confidence: 1, reason: "the quote is unchanged at the same place", why: { key: "unchanged" } };
  }

  // The usual case after an edit elsewhere: quote and context verbatim, once. Rivals would need
  // near-identical context, which is not a tie with a verbatim match.
  const verbatim = uniqueVerbatim(p, selector, q);
  if (verbatim && countable(q, verbatim)) return moved(q, verbatim);

  const exacts = exactSpans(p, selector.exact, q.length, q.ctx, q.old).map((s) => evaluate(p, q, s));
  const countedExact = exacts.filter((c) => countable(q, c));
  const topExact = best(countedExact);
  if (topExact) {
    const others = rivals(topExact, countedExact);
    return others.length ? ambiguity(topExact, others) : moved(q, topExact);
  }

  const seen = new Set(exacts.map((c) => `${c.start}:${c.end}`));
  const fresh = (c: Candidate) => {
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const searchErrors = Math.min(selector.exact.length, Math.ceil((errorBudget(q.length) * 1.5 * selector.exact.length) / q.length));
  const approx = (q.length >= SHORT_QUOTE ? approxSpans(p, selector.exact, q.length, q.old, searchErrors) : []).map((s) => evaluate(p, q, s)).filter(fresh);
  const countedFuzzy = approx.filter((c) => countable(q, c));
  const topFuzzy = best(countedFuzzy);
  if (topFuzzy) {
    const others = rivals(topFuzzy, countedFuzzy);
    return others.length ? ambiguity(topFuzzy, others) : fuzzy(q, topFuzzy);
  }

  const span = bracketSpan(p, selector, q.ctx, q.old, q.codes);
  const bracketed = span && evaluate(p, q, span);
  if (bracketed && fresh(bracketed) && countable(q, bracketed)) return fuzzy(q, bracketed);

  // Nothing can be counted. Propose the same words if they exist, else the reworded span
  // between the old context, else a close approximate match whose context does not object.
  const proposal = best(exacts) ?? bracketed ?? best(approx.filter((c) => c.dist <= errorBudget(q.length) || !contradicts(c.prefix, c.suffix)));
  if (proposal) return review(proposal, reviewReason(q, proposal));
  return { outcome: "orphaned", confidence: 0, reason: "the quote and the text around it are no longer in the passage", why: { key: "gone" } };
}
