import { intersectionLength, mergeOverlapping, totalLength } from "./intervals";
import { matchUnits } from "./matching";
import { sortedGroups } from "./order";
import type { AgreementClaim, MatchMode, SpanScores, Unit } from "./types";

const A = "a";
const B = "b";

/** The units of two annotators' claims, a's claims under `claims.a` and b's under `claims.b` whatever their annotator ids. */
export function pairUnits(a: readonly AgreementClaim[], b: readonly AgreementClaim[], mode: MatchMode): Unit[] {
  // Relabelling makes a the first annotator of the matching, so spanScores(a, b) and the report agree on tie-breaks.
  return matchUnits([...a.map((c) => ({ ...c, annotatorId: A })), ...b.map((c) => ({ ...c, annotatorId: B }))], mode);
}

/** The units of `pairUnits` that hold a claim of both annotators. */
export function matchedPairUnits(units: readonly Unit[]): Unit[] {
  return units.filter((u) => u.claims[A] && u.claims[B]);
}

/** Precision, recall and F1 of b's claims against a's as reference: matched/bCount, matched/aCount, 2·matched/(aCount+bCount); each null when its denominator is 0. */
export function spanScores(a: readonly AgreementClaim[], b: readonly AgreementClaim[], mode: MatchMode): SpanScores {
  return scoresOf(matchedPairUnits(pairUnits(a, b, mode)).length, a.length, b.length);
}

/** SpanScores from counts of matched pairs and of each side's claims. */
export function scoresOf(matched: number, aCount: number, bCount: number): SpanScores {
  return {
    precision: bCount === 0 ? null : matched / bCount,
    recall: aCount === 0 ? null : matched / aCount,
    f1: aCount + bCount === 0 ? null : (2 * matched) / (aCount + bCount),
    matched,
    aCount,
    bCount,
  };
}

/**
 * Dice coefficient 2|A∩B| / (|A|+|B|) over the (passage, code point) pairs each annotator's claims cover, overlapping
 * claims of one annotator counted once; null when neither covers anything. Interval arithmetic: linear in the claims, not the text.
 */
export function characterAgreement(a: readonly AgreementClaim[], b: readonly AgreementClaim[]): number | null {
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  const tagged = [...a.map((claim) => ({ side: A, claim })), ...b.map((claim) => ({ side: B, claim }))];
  for (const [, inPassage] of sortedGroups(tagged, (t) => t.claim.passageId)) {
    const coverA = mergeOverlapping(inPassage.filter((t) => t.side === A).map((t) => t.claim));
    const coverB = mergeOverlapping(inPassage.filter((t) => t.side === B).map((t) => t.claim));
    sizeA += totalLength(coverA);
    sizeB += totalLength(coverB);
    common += intersectionLength(coverA, coverB);
  }
  return sizeA + sizeB === 0 ? null : (2 * common) / (sizeA + sizeB);
}
