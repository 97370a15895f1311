import type { ExportMention } from "./records";

// Keys are written in this fixed order whatever order the record was built in, so two exports
// of the same data are byte-identical and diff cleanly. Absent optional values are null, so
// every line has the same keys (what pandas, jq and BigQuery loaders expect).
function ordered(m: ExportMention) {
  return {
    annotationId: m.annotationId,
    articleId: m.articleId,
    articleTitle: m.articleTitle,
    articleUrl: m.articleUrl,
    publishedAt: m.publishedAt,
    language: m.language,
    publisher: m.publisher,
    origins: m.origins,
    independentOrigins: m.independentOrigins,
    passageId: m.passageId,
    passagePosition: m.passagePosition,
    start: m.start,
    end: m.end,
    exact: m.exact,
    prefix: m.prefix,
    suffix: m.suffix,
    claimType: m.claimType,
    modality: m.modality,
    speakers: m.speakers.map((s) => ({ name: s.name, type: s.type, kind: s.kind ?? null })),
    actors: m.actors,
    fields: {
      date: m.fields.date ?? null,
      dateValue: m.fields.dateValue ?? null,
      datePrecision: m.fields.datePrecision ?? null,
      quantities: m.fields.quantities?.map((q) => ({ value: q.value, item: q.item ?? null })) ?? null,
      item: m.fields.item ?? null,
    },
    note: m.note,
    status: m.status,
    orphaned: m.orphaned ?? false,
    needsReview: m.needsReview ?? false,
    author: m.author,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    propositions: m.propositions.map((p) => ({
      id: p.id,
      statement: p.statement,
      stance: p.stance,
      verdict: p.verdict,
      verdictSentence: p.verdictSentence,
      rating: p.rating,
    })),
  };
}

/**
 * One mention as a JSON Lines record: a JSON object in a stable key order plus "\n". Offsets
 * (`start`, `end`) are code points into the passage. U+2028/U+2029 are escaped because some
 * line readers treat them as line breaks, which would split the record.
 */
export function jsonlLine(m: ExportMention): string {
  return `${JSON.stringify(ordered(m))
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")}\n`;
}
