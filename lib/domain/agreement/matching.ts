import { maxWeightMatching } from "./assignment";
import { overlapLength } from "./intervals";
import { compareStrings, sortedGroups } from "./order";
import type { AgreementClaim, MatchMode, Unit } from "./types";

type Draft = { articleId: string; passageId: string; start: number; end: number; claims: Record<string, AgreementClaim> };

/**
 * Claims of different annotators matched into units (offsets in code points): every claim is in exactly one unit, a unit
 * has at most one claim per annotator. "exact" pairs identical spans; "overlap" maximises the overlapping code points.
 * Annotators are added in sorted id order, each matched against the units so far by a maximum-weight bipartite
 * matching on the overlap with the unit's union span — exact for two annotators, a greedy-by-annotator heuristic beyond.
 * Units come sorted by passage, start, end and key; the key is the unit's sorted claim ids joined by "+".
 */
export function matchUnits(claims: readonly AgreementClaim[], mode: MatchMode): Unit[] {
  const drafts: Draft[] = [];
  const openByPassage = new Map<string, Draft[]>();
  for (const [annotatorId, own] of sortedGroups(claims, (c) => c.annotatorId)) {
    for (const [passageId, mine] of sortedGroups(own, (c) => c.passageId)) {
      const sorted = [...mine].sort(compareClaims);
      const open = openByPassage.get(passageId) ?? [];
      const pairs = mode === "exact" ? exactPairs(sorted, open) : overlapPairs(sorted, open);
      const matched = new Set<number>();
      for (const [claimIndex, unitIndex] of pairs) {
        const claim = sorted[claimIndex]!;
        const unit = open[unitIndex]!;
        unit.claims[annotatorId] = claim;
        unit.start = Math.min(unit.start, claim.start);
        unit.end = Math.max(unit.end, claim.end);
        matched.add(claimIndex);
      }
      // New units join only after the matching, so an annotator never lands twice in one unit.
      sorted.forEach((claim, i) => {
        if (matched.has(i)) return;
        const draft: Draft = { articleId: claim.articleId, passageId, start: claim.start, end: claim.end, claims: { [annotatorId]: claim } };
        open.push(draft);
        drafts.push(draft);
      });
      openByPassage.set(passageId, open);
    }
  }
  return drafts.map(toUnit).sort(compareUnits);
}

/** The i-th claim of a span pairs with the i-th open unit of the same span: a second identical claim gets its own unit. */
function exactPairs(claims: readonly AgreementClaim[], open: readonly Draft[]): [number, number][] {
  const freeBySpan = new Map<string, number[]>();
  open.forEach((unit, i) => {
    const span = `${unit.start}:${unit.end}`;
    const free = freeBySpan.get(span);
    if (free) free.push(i);
    else freeBySpan.set(span, [i]);
  });
  const pairs: [number, number][] = [];
  claims.forEach((claim, i) => {
    const unitIndex = freeBySpan.get(`${claim.start}:${claim.end}`)?.shift();
    if (unitIndex !== undefined) pairs.push([i, unitIndex]);
  });
  return pairs;
}

function overlapPairs(claims: readonly AgreementClaim[], open: readonly Draft[]): [number, number][] {
  if (claims.length === 0 || open.length === 0) return [];
  return maxWeightMatching(claims.map((claim) => open.map((unit) => overlapLength(claim, unit))));
}

function toUnit(draft: Draft): Unit {
  const ids = Object.values(draft.claims)
    .map((c) => c.id)
    .sort(compareStrings);
  return { key: ids.join("+"), ...draft };
}

function compareClaims(a: AgreementClaim, b: AgreementClaim): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.id, b.id);
}

function compareUnits(a: Unit, b: Unit): number {
  return compareStrings(a.passageId, b.passageId) || a.start - b.start || a.end - b.end || compareStrings(a.key, b.key);
}
