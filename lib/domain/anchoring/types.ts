// Shapes shared by the anchoring modules and re-exported from lib/domain/anchoring.ts.

export type QuoteSelector = { exact: string; prefix: string; suffix: string };

/** A claim as stored: offsets in code points plus its quote and up to 32 code points of context. */
export type StoredSelector = QuoteSelector & { start: number; end: number };

export type ReanchorOutcome = "exact" | "moved" | "fuzzy" | "needs_review" | "orphaned";

export type ReanchorResult =
  | {
      outcome: "exact" | "moved" | "fuzzy" | "needs_review";
      start: number;
      end: number;
      /** Combined score 0..1 of quote, context and position agreement. */
      confidence: number;
      reason: string;
    }
  | { outcome: "orphaned"; confidence: 0; reason: string };
