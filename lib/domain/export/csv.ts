import { quantityTexts } from "./quantity-text";
import type { ExportLink, ExportMention } from "./records";

export const CSV_COLUMNS = [
  "annotation_id",
  "article_title",
  "article_url",
  "published_at",
  "publisher",
  "origins",
  "independent_origins",
  "speakers",
  "speaker_types",
  "claim_type",
  "modality",
  "quote",
  "stance",
  "proposition_id",
  "proposition",
  "verdict",
  "verdict_sentence",
  "rating",
  "date",
  "date_value",
  "date_precision",
  "quantities",
  "item",
  "actors",
  "note",
  "author",
  "created_at",
  "orphaned",
  "needs_review",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const LIST_SEPARATOR = "; ";
const BOM = "\uFEFF";

// Spreadsheets run a cell that starts with one of these as a formula ("=HYPERLINK(...)" can
// leak data or launch commands), so such cells get a leading apostrophe, as OWASP recommends
// (https://owasp.org/www-community/attacks/CSV_Injection). The cost is that a value like "-2"
// is exported as "'-2": a program reading the file back must drop that one leading apostrophe
// (machine consumers should prefer the JSON Lines export, which is not altered).
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** A cell value made safe to open in a spreadsheet: formula triggers get a leading apostrophe. */
export function neutralizeCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

// RFC 4180: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled; records end
// in CRLF. A bare LF or CR is quoted too, or most readers would split the row there. Written by
// hand rather than with csv-stringify, whose per-call set-up cost more than the rest of a row
// (csv.test.ts checks the two agree).
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;

function field(value: string): string {
  const v = neutralizeCell(value);
  return NEEDS_QUOTES.test(v) ? `"${v.replace(QUOTES, '""')}"` : v;
}

/** One CSV record from cells, formula triggers neutralised, ending in CRLF. */
export function csvLine(cells: readonly string[]): string {
  let out = "";
  for (let i = 0; i < cells.length; i++) out += (i > 0 ? "," : "") + field(cells[i] as string);
  return `${out}\r\n`;
}

/** The header line (CRLF-terminated); `bom` prepends a UTF-8 BOM so Excel reads the file as UTF-8. */
export function csvHeader(options: { bom?: boolean } = {}): string {
  return (options.bom ? BOM : "") + csvLine(CSV_COLUMNS);
}

function row(m: ExportMention, link: ExportLink | null): Record<CsvColumn, string> {
  return {
    annotation_id: m.annotationId,
    article_title: m.articleTitle,
    article_url: m.articleUrl ?? "",
    published_at: m.publishedAt ?? "",
    publisher: m.publisher ?? "",
    origins: m.origins.join(LIST_SEPARATOR),
    independent_origins: m.independentOrigins.join(LIST_SEPARATOR),
    speakers: m.speakers.map((s) => s.name).join(LIST_SEPARATOR),
    // Aligned with `speakers` (same order and count), so the two columns can be split together.
    speaker_types: m.speakers.map((s) => s.type).join(LIST_SEPARATOR),
    claim_type: m.claimType,
    modality: m.modality,
    quote: m.exact,
    stance: link?.stance ?? "",
    proposition_id: link?.id ?? "",
    proposition: link?.statement ?? "",
    verdict: link?.verdict ?? "",
    verdict_sentence: link?.verdictSentence ?? "",
    rating: link?.rating ?? "",
    date: m.fields.date ?? "",
    date_value: m.fields.dateValue ?? "",
    date_precision: m.fields.datePrecision ?? "",
    quantities: quantityTexts(m.fields).join(LIST_SEPARATOR),
    item: m.fields.item ?? "",
    actors: m.actors.join(LIST_SEPARATOR),
    note: m.note ?? "",
    author: m.author,
    created_at: m.createdAt,
    orphaned: m.orphaned ? "yes" : "",
    needs_review: m.needsReview ? "yes" : "",
  };
}

/**
 * The CSV lines for one mention: one per proposition link, or one with empty proposition
 * columns when the claim is linked to nothing. Each line ends in CRLF.
 */
export function csvRows(m: ExportMention): string {
  const links: (ExportLink | null)[] = m.propositions.length > 0 ? m.propositions : [null];
  return links
    .map((link) => {
      const r = row(m, link);
      return csvLine(CSV_COLUMNS.map((c) => r[c]));
    })
    .join("");
}
