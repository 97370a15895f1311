import { foldForMatch } from "./claim-types";
import { listNames } from "./comparison";

export type SuggestClaim = {
  claimTypeId: string;
  text: string;
  /** Folded names of speaker and actors; display names work too (folded again here) and read better in reasons. */
  entityKeys: string[];
};
export type SuggestCandidate = {
  id: string;
  statement: string;
  claimTypeId: string | null;
  entityKeys: string[];
  mentionTexts?: string[];
};
export type Suggestion = { id: string; score: number; reasons: string[] };

const WEIGHT = { type: 0.3, entities: 0.3, wording: 0.4 } as const;
const MIN_SCORE = 0.25;
// Below this, shared trigrams are mostly common syllables, not evidence of the same claim.
const WORDING_REASON_MIN = 0.2;

/** The set of pg_trgm-style trigrams of folded text: each word padded with two spaces before, one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  // pg_trgm treats every non-alphanumeric character as a word boundary; do the same so
  // "nhà máy," and "nha may" produce identical sets.
  for (const word of foldForMatch(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Trigram similarity in [0, 1] like pg_trgm's similarity(), insensitive to case and Vietnamese diacritics. */
export function trigramSimilarity(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}

/** Folded key → first display form, so callers may pass either folded keys or display names. */
function entityMap(keys: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of keys) {
    const folded = foldForMatch(k);
    if (folded && !out.has(folded)) out.set(folded, k.trim());
  }
  return out;
}

function scoreCandidate(claim: SuggestClaim, claimTrigrams: Set<string>, claimEntities: Map<string, string>, c: SuggestCandidate): Suggestion {
  const sameType = c.claimTypeId !== null && c.claimTypeId === claim.claimTypeId;
  const candidateEntities = entityMap(c.entityKeys);
  const sharedEntities = [...claimEntities.keys()].filter((k) => candidateEntities.has(k));
  const entityOverlap = jaccard(new Set(claimEntities.keys()), new Set(candidateEntities.keys()));
  // A proposition's statement is often in another language or phrased canonically; its linked
  // mentions carry the wording editors actually mark, so the best of all of them counts.
  const wording = Math.max(0, ...[c.statement, ...(c.mentionTexts ?? [])].map((t) => jaccard(claimTrigrams, trigrams(t))));

  const reasons: string[] = [];
  if (sameType) reasons.push("same type");
  if (sharedEntities.length > 0) reasons.push(`shares ${listNames(sharedEntities.map((k) => claimEntities.get(k)!))}`);
  if (wording >= WORDING_REASON_MIN) reasons.push(`similar wording (${Math.round(wording * 100)}%)`);

  const score = WEIGHT.type * (sameType ? 1 : 0) + WEIGHT.entities * entityOverlap + WEIGHT.wording * wording;
  return { id: c.id, score, reasons };
}

/** Existing propositions most likely to match a newly marked claim, best first; score in [0, 1]. */
export function rankSuggestions(claim: SuggestClaim, candidates: SuggestCandidate[], limit = 5): Suggestion[] {
  if (limit <= 0) return [];
  const claimTrigrams = trigrams(claim.text);
  const claimEntities = entityMap(claim.entityKeys);
  return candidates
    .map((c) => scoreCandidate(claim, claimTrigrams, claimEntities, c))
    // The type alone is not evidence: a suggestion also needs shared entities or similar wording.
    .filter((s) => s.score >= MIN_SCORE && s.reasons.some((r) => r !== "same type"))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
