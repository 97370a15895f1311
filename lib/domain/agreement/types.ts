// The input and output of the agreement report (issue 10). Pure data: no ids are resolved here.

/** One claim of one annotator, as the agreement functions see it. Offsets in code points. */
export type AgreementClaim = {
  id: string;
  annotatorId: string;
  articleId: string;
  passageId: string;
  start: number;
  end: number;
  /** The label dimensions compared on matched units. `speaker` is a stable key of the claim's speakers
   *  in order (e.g. "entity:uuid|source:uuid"), "" when the claim has none (a value, not missing). */
  labels: { claimType: string; speaker: string; modality: string };
};

export type LabelDimension = "claimType" | "speaker" | "modality";
export const LABEL_DIMENSIONS: readonly LabelDimension[] = ["claimType", "speaker", "modality"];

export type MatchMode = "exact" | "overlap";

/** Claims of different annotators matched together: at most one claim per annotator, each claim in at most one unit. */
export type Unit = {
  key: string;
  articleId: string;
  passageId: string;
  /** The union span of the unit's claims. */
  start: number;
  end: number;
  claims: Record<string, AgreementClaim>;
};

/** Precision/recall/F1 of annotator b against annotator a (symmetric F1). NaN-free: null when undefined (no claims at all). */
export type SpanScores = { precision: number | null; recall: number | null; f1: number | null; matched: number; aCount: number; bCount: number };

export type PairAgreement = {
  a: string;
  b: string;
  exact: SpanScores;
  overlap: SpanScores;
  /** Character-level partial credit: Dice over the characters each covers (2|A∩B| / (|A|+|B|)), null when neither covers any. */
  character: number | null;
  /** Cohen's kappa per label dimension on the pair's overlap-matched units; null when undefined (fewer than 1 unit, or chance agreement 1). */
  cohen: Record<LabelDimension, number | null>;
  /** The pair's overlap-matched units holding a claim of both: the units Cohen's kappa is computed on. */
  units: number;
  /** Krippendorff's binary uα of the two (see `krippendorffUnitizingAlpha`); null when not computable. */
  unitizingAlpha: number | null;
};

export type GroupAgreement = {
  /** Krippendorff's alpha (nominal) over all annotators, missing = annotator with no claim in the unit. */
  alpha: Record<LabelDimension, number | null>;
  /** Fleiss' kappa on the units every annotator has a claim in. */
  fleiss: Record<LabelDimension, number | null>;
  /** Krippendorff's unitizing alpha (uα) for spans, per passage continuum; null when not computable (also for more than two annotators, see `krippendorffUnitizingAlpha`). */
  unitizingAlpha: number | null;
  /** Mean pairwise F1 (overlap) and exact. */
  meanF1: { exact: number | null; overlap: number | null };
  /** How many units `matchUnits` forms from all the claims in each mode, single-claim units included. */
  units: { exact: number; overlap: number };
  claims: number;
};

export type AgreementReport = {
  annotators: string[];
  overall: GroupAgreement;
  pairs: PairAgreement[];
  articles: { articleId: string; overall: GroupAgreement; pairs: PairAgreement[] }[];
};

/** What the report needs besides the claims: the annotators (all, even those with no claim) and each passage's length in code points (for uα). */
export type AgreementInput = {
  annotators: string[];
  claims: AgreementClaim[];
  passageLengths: Record<string, number>;
  /** passage id → article id, so a passage nobody marked still belongs to its article's uα continuum; without it an article's continuum is the passages its claims touch. */
  passageArticles?: Record<string, string>;
};
