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
  /** The desk's own rating ("False", "Misleading"), or null when unrated. */
  rating: string | null;
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
  /** Label of the independent origin (speaker, else first origin, else publisher). */
  independentOrigin: string;
  passageId: string;
  passagePosition: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  claimType: string;
  /** Modality enum value: ASSERTED, REPORTED, ALLEGED, DENIED, SPECULATIVE, FORECAST. */
  modality: string;
  speaker: string | null;
  /** Kind of the speaker's Entity or Source (PERSON, COUNTRY, GOVERNMENT...); PERSON makes a schema.org Person. */
  speakerKind?: string | null;
  /** Whether the speaker is an Entity or a Source (both tables have kinds like PERSON). */
  speakerType?: "entity" | "source" | null;
  actors: string[];
  fields: { date?: string; quantity?: string; item?: string };
  note: string | null;
  status: string;
  /** A text correction removed the quoted words: kept for the record, not counted in verdicts. */
  orphaned?: boolean;
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
  rating: string | null;
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
