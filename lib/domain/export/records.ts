// Plain records the export serializers consume. Services build them from the database (one
// record at a time, so exports stream); serializers never see Prisma types or do I/O.

export type ExportStance = "SUPPORTS" | "REFUTES" | "NEUTRAL";

/** One proposition a mention is linked to, with the computed verdict and the desk's rating. */
export type ExportLink = {
  id: string;
  statement: string;
  stance: ExportStance;
  /** VerdictKind from lib/domain/comparison ("conflict", "agree", ...). */
  verdict: string;
  verdictSentence: string;
  /** The desk's own rating label ("False", "Misleading"), or null when unrated. */
  rating: string | null;
};

/** The desk's published rating of a proposition (schema.org Rating + the fact-check it appeared in). */
export type ExportRating = {
  label: string | null;
  /** On the scale worst…best, when the desk uses one. */
  value: number | null;
  best: number | null;
  worst: number | null;
  /** URL of the published fact-check. */
  url: string | null;
  /** YYYY-MM-DD the fact-check was published. */
  date: string | null;
  reviewer: string | null;
};

/** One speaker of a claim, in order. `kind`: its EntityKind or SourceKind (PERSON makes a schema.org Person). */
export type ExportSpeaker = { name: string; type: "entity" | "source"; kind: string | null };

/** A claim's structured fields as stored: the date as written and parsed, counts with their items. */
export type ExportFields = {
  date?: string;
  /** The date parsed: "2023-09-13", "2023-09", "2023", or "--09-13" when the year is unknown. */
  dateValue?: string;
  datePrecision?: "year" | "month" | "day";
  quantities?: { value: string; item?: string }[];
  item?: string;
};

/** One claim mention; `start`/`end` are code point offsets into the NFC passage text. */
export type ExportMention = {
  annotationId: string;
  articleId: string;
  articleTitle: string;
  articleUrl: string | null;
  /** sha256 of the article's folded passages: lets another workspace find the same article. */
  articleContentHash?: string;
  /** Calendar date YYYY-MM-DD. */
  publishedAt: string | null;
  language: string | null;
  publisher: string | null;
  /** Sources the article relays or translates, in byline order. */
  origins: string[];
  /** The independent origins in words (each speaker, else the first origin, else the publisher), e.g. "Dmitry Peskov, for Russia"; ["unattributed"] when nothing names a source. */
  independentOrigins: string[];
  passageId: string;
  passagePosition: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  claimType: string;
  /** Modality enum value: ASSERTED, REPORTED, ALLEGED, DENIED, SPECULATIVE, FORECAST, UNCONFIRMED. */
  modality: string;
  /** Who says it, in order (empty: nobody named). */
  speakers: ExportSpeaker[];
  /** Actor names: entities first (by their name), then free-text actors. */
  actors: string[];
  fields: ExportFields;
  note: string | null;
  status: string;
  /** A text correction removed the quoted words: kept for the record, not counted in verdicts. */
  orphaned?: boolean;
  /** An uncertain re-anchoring waits for a person: not counted in verdicts until confirmed. */
  needsReview?: boolean;
  author: string;
  /** ISO 8601 date-times. */
  createdAt: string;
  updatedAt: string;
  propositions: ExportLink[];
};

/** One proposition with every mention linked to it (possibly none). */
export type ExportProposition = {
  id: string;
  statement: string;
  claimType: string | null;
  rating: ExportRating | null;
  verdict: string;
  verdictSentence: string;
  createdAt: string;
  updatedAt: string;
  mentions: ExportMention[];
};

/** The link from a mention to proposition `propositionId`, if any. */
export function linkTo(m: ExportMention, propositionId: string): ExportLink | undefined {
  return m.propositions.find((l) => l.id === propositionId);
}
