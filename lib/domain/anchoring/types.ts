// Shapes shared by the anchoring modules and re-exported from lib/domain/anchoring.ts.

export type QuoteSelector = { exact: string; prefix: string; suffix: string };

/** A claim as stored: offsets in code points plus its quote and up to 32 code points of context. */
export type StoredSelector = QuoteSelector & { start: number; end: number };

export type ReanchorOutcome = "exact" | "moved" | "fuzzy" | "needs_review" | "orphaned";

/**
 * Why a claim landed where it did, for the interface to say in its own language: a key of the
 * catalogue's `reader.correction.why` with its values, and for the two wrappers ("nothing close
 * enough to propose", "still waiting for review") the reason they wrap. A quote's change is its
 * two sides, already shortened; an empty side is said by the interface.
 */
export type ReanchorWhy = {
  key: ReanchorWhyKey;
  values?: Record<string, string | number>;
  inner?: ReanchorWhy;
};

/** Every kind of reason, for reading one back from a stored audit event. */
export const REANCHOR_WHY_KEYS = [
  "empty",
  "unchanged",
  "gone",
  "moved",
  "fuzzy",
  "ambiguous",
  "longerWord",
  "numbersChanged",
  "shortQuote",
  "widened",
  "reworded",
  "quoteAndContextChanged",
  "contextDifferent",
  "weak",
  "nothingClose",
  "stillWaiting",
] as const;

export type ReanchorWhyKey = (typeof REANCHOR_WHY_KEYS)[number];

export type ReanchorResult =
  | {
      outcome: "exact" | "moved" | "fuzzy" | "needs_review";
      start: number;
      end: number;
      /** Combined score 0..1 of quote, context and position agreement. */
      confidence: number;
      /** In English, as the audit trail and the API record it. */
      reason: string;
      why: ReanchorWhy;
    }
  | { outcome: "orphaned"; confidence: 0; reason: string; why: ReanchorWhy };
