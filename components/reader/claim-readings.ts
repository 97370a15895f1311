// How the form and the details read a claim's date and counts back to the editor, with the same
// parsers the server applies on save, so what is shown while typing is what gets compared.
import { describeClaimDate, parseClaimDate, type ClaimDate } from "@/lib/domain/details/dates";
import type { ParseProblem } from "@/lib/domain/details/problems";
import { parseQuantity, type Quantity } from "@/lib/domain/details/quantities";
import type { Locale } from "@/lib/i18n/locales";

/** What the form says after the date: where its year came from, or that it has none. */
export type DateNote = "yearFromArticle" | "yearFromArticleIfAny" | "noYear";
/** The parser's reading of a date as typed; the words are the catalogue's (use-reading-text.ts). */
export type DateReading = { ok: false; problem: ParseProblem } | { ok: true; date: ClaimDate; note: DateNote | null };
/** The parser's reading of a count as typed: `approximate` only when it reads as a range; `item` "" when none. */
export type QuantityReading = { ok: false; problem: ParseProblem } | { ok: true; quantity: Quantity; approximate: boolean; item: string };

/**
 * The parser's reading of a date as typed. `articleDate` (YYYY-MM-DD) supplies a missing year;
 * null means the article has no date, undefined that the form was not told it.
 */
export function readDateInput(raw: string, articleDate: string | null | undefined): DateReading | null {
  if (!raw.trim()) return null;
  const parsed = parseClaimDate(raw, articleDate ? { reference: articleDate } : {});
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const d = parsed.value;
  if (d.yearFrom === "reference") return { ok: true, date: d, note: "yearFromArticle" };
  if (d.yearFrom === "none" && d.precision !== "year") return { ok: true, date: d, note: articleDate === undefined ? "yearFromArticleIfAny" : "noYear" };
  return { ok: true, date: d, note: null };
}

/** The parser's reading of a count as typed, e.g. 20–99, approximate. */
export function readQuantityInput(raw: string): QuantityReading | null {
  if (!raw.trim()) return null;
  const parsed = parseQuantity(raw);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const q = parsed.value;
  return { ok: true, quantity: q, approximate: q.approximate && q.min !== q.max, item: parsed.item };
}

/** A stored date's reading in `locale` ("13 Sep 2023", "13/9/2023") from its canonical form ("2023-09-13", "2023-09", "2023", "--09-13"). */
export function describeStoredDate(dateValue: string | undefined, locale: Locale): string | null {
  const m = dateValue?.match(/^(\d{4}|-)(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!m) return null;
  const [, y, mo, da] = m;
  const d: ClaimDate = {
    year: y === "-" ? null : Number(y),
    month: mo ? Number(mo) : null,
    day: da ? Number(da) : null,
    precision: da ? "day" : mo ? "month" : "year",
    yearFrom: y === "-" ? "none" : "text",
  };
  return describeClaimDate(d, locale) || null;
}

/** "Moscow and Pyongyang" ("Moscow và Pyongyang"), in the given order, joined in `locale`. */
export function joinNames(names: string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(names);
}

/** Stored counts as one line: "5 attack drones; 1 reconnaissance drone". */
export function quantitiesText(fields: unknown): string | undefined {
  const qs = (fields as { quantities?: { value: string; item?: string }[] } | null)?.quantities;
  return qs?.length ? qs.map((q) => [q.value, q.item].filter(Boolean).join(" ")).join("; ") : undefined;
}

/** The quote a claim had before the text correction that put it under review, if recorded. */
export function quoteBeforeReview(anchorReview: unknown): string | null {
  const before = (anchorReview as { before?: { exact?: unknown } } | null)?.before;
  return typeof before?.exact === "string" && before.exact ? before.exact : null;
}
