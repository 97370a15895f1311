import "server-only";
import type { QuoteCutter, reanchor } from "@/lib/domain/anchoring";
import { Prisma } from "@/lib/generated/prisma/client";

type Anchor = { start: number; end: number; exact: string; prefix: string; suffix: string; needsReview: boolean; orphaned: boolean };

/**
 * A claim's anchor columns after re-anchoring: counted outcomes take the new span; an uncertain one
 * takes the proposed span but waits for a person (needsReview, with the evidence kept); an
 * orphaned one keeps its old offsets and quote. A claim already waiting for review keeps waiting.
 * `cut` takes the new quote and context out of the corrected text (quoteCutter of that text).
 */
export function reanchoredFields(cut: QuoteCutter, before: Anchor, found: ReturnType<typeof reanchor>) {
  if (found.outcome === "orphaned") {
    return {
      start: before.start,
      end: before.end,
      exact: before.exact,
      prefix: before.prefix,
      suffix: before.suffix,
      orphaned: true,
      needsReview: false,
      anchorReview: Prisma.DbNull,
    };
  }
  const quote = cut(found.start, found.end);
  const uncertain = found.outcome === "needs_review";
  const base = { start: found.start, end: found.end, ...quote, orphaned: false };
  if (uncertain) {
    const evidence = {
      before: { start: before.start, end: before.end, exact: before.exact, prefix: before.prefix, suffix: before.suffix },
      reason: found.reason,
      confidence: found.confidence,
    };
    return { ...base, needsReview: true, anchorReview: evidence as Prisma.InputJsonObject };
  }
  return before.needsReview && !before.orphaned ? { ...base, needsReview: true } : { ...base, needsReview: false, anchorReview: Prisma.DbNull };
}
