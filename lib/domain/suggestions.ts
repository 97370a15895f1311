import { foldForMatch } from "./claim-types";
import { listNames } from "./comparison";

/** An entity as suggestions see it: a stable key ("entity:<id>", or folded text) and its display name. */
export type SuggestEntity = { key: string; label: string };
export type SuggestClaim = {
  claimTypeId: string;
  text: string;
  /** Speakers and actors. Plain strings are folded into keys and shown as given. */
  entities: (SuggestEntity | string)[];
  /** The claim denies something (a denial type or the DENIED modality): it may refute a proposition that asserts it. */
  denies?: boolean;
};
export type SuggestCandidate = {
  id: string;
  statement: string;
  claimTypeId: string | null;
  entities: (SuggestEntity | string)[];
  mentionTexts?: string[];
  /** The proposition itself states a denial (its type is a denial type). */
  isDenial?: boolean;
};
export type Suggestion = { id: string; score: number; reasons: string[]; stance: "SUPPORTS" | "REFUTES" };

const WEIGHT = { type: 0.3, entities: 0.3, wording: 0.4, contradiction: 0.3 } as const;
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

/** Key → first display form; a plain string is keyed by its folded form. */
function entityMap(entities: (SuggestEntity | string)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entities) {
    const { key, label } = typeof e === "string" ? { key: foldForMatch(e), label: e.trim() } : e;
    if (key && !out.has(key)) out.set(key, label);
  }
  return out;
}

function scoreCandidate(claim: SuggestClaim, claimTrigrams: Set<string>, claimEntities: Map<string, string>, c: SuggestCandidate): Suggestion {
  const sameType = c.claimTypeId !== null && c.claimTypeId === claim.claimTypeId;
  const candidateEntities = entityMap(c.entities);
  const sharedEntities = [...claimEntities.keys()].filter((k) => candidateEntities.has(k));
  const entityOverlap = jaccard(new Set(claimEntities.keys()), new Set(candidateEntities.keys()));
  // A proposition's statement is often in another language or phrased canonically; its linked
  // mentions carry the wording editors actually mark, so the best of all of them counts.
  const wording = Math.max(0, ...[c.statement, ...(c.mentionTexts ?? [])].map((t) => jaccard(claimTrigrams, trigrams(t))));
  // A denial of an arms transfer is about the arms-transfer proposition whether its type differs (a
  // denial type) or not (the DENIED modality): shared entities are the evidence, the link a refutation.
  const contradicts = Boolean(claim.denies) !== Boolean(c.isDenial) && sharedEntities.length > 0;

  const reasons: string[] = [];
  if (sameType) reasons.push("same type");
  if (contradicts) reasons.push(claim.denies ? "may refute it: this claim is a denial" : "may refute it: the proposition is a denial");
  if (sharedEntities.length > 0) reasons.push(`shares ${listNames(sharedEntities.map((k) => claimEntities.get(k)!))}`);
  if (wording >= WORDING_REASON_MIN) reasons.push(`similar wording (${Math.round(wording * 100)}%)`);

  const score = WEIGHT.type * (sameType ? 1 : 0) + WEIGHT.contradiction * (contradicts ? 1 : 0) + WEIGHT.entities * entityOverlap + WEIGHT.wording * wording;
  return { id: c.id, score: Math.min(1, score), reasons, stance: contradicts ? "REFUTES" : "SUPPORTS" };
}

/** Existing propositions most likely to match a newly marked claim, best first; score in [0, 1]. */
export function rankSuggestions(claim: SuggestClaim, candidates: SuggestCandidate[], limit = 5): Suggestion[] {
  if (limit <= 0) return [];
  const claimTrigrams = trigrams(claim.text);
  const claimEntities = entityMap(claim.entities);
  return (
    candidates
      .map((c) => scoreCandidate(claim, claimTrigrams, claimEntities, c))
      // The type alone is not evidence: a suggestion also needs shared entities or similar wording.
      .filter((s) => s.score >= MIN_SCORE && s.reasons.some((r) => r !== "same type" && !r.startsWith("may ")))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
  );
}
