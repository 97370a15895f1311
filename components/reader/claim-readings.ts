// How the form and the details read a claim's date and counts back to the editor, with the same
// parsers the server applies on save, so what is shown while typing is what gets compared.
import { describeClaimDate, parseClaimDate, type ClaimDate } from "@/lib/domain/details/dates";
import { describeQuantity, parseQuantity } from "@/lib/domain/details/quantities";

export type Reading = { ok: boolean; text: string };

/**
 * The parser's reading of a date as typed. `articleDate` (YYYY-MM-DD) supplies a missing year;
 * null means the article has no date, undefined that the form was not told it.
 */
export function readDateInput(raw: string, articleDate: string | null | undefined): Reading | null {
  if (!raw.trim()) return null;
  const parsed = parseClaimDate(raw, articleDate ? { reference: articleDate } : {});
  if (!parsed.ok) return { ok: false, text: `cannot read: ${parsed.reason}` };
  const d = parsed.value;
  const shown = `reads as ${describeClaimDate(d)}`;
  if (d.yearFrom === "reference") return { ok: true, text: `${shown} · year taken from the article: ${d.year}` };
  if (d.yearFrom === "none" && d.precision !== "year") {
    return {
      ok: true,
      text:
        articleDate === undefined ? `${shown} · the year comes from the article's date, if it has one` : `${shown} · no year: compared by day and month only`,
    };
  }
  return { ok: true, text: shown };
}

/** The parser's reading of a count as typed, e.g. "reads as 20–99 (approximate)". */
export function readQuantityInput(raw: string): Reading | null {
  if (!raw.trim()) return null;
  const parsed = parseQuantity(raw);
  if (!parsed.ok) return { ok: false, text: `cannot read: ${parsed.reason}` };
  const q = parsed.value;
  const approximate = q.approximate && q.min !== q.max ? " (approximate)" : "";
  const item = parsed.item ? ` · with item words “${parsed.item}”` : "";
  return { ok: true, text: `reads as ${describeQuantity(q)}${approximate}${item}` };
}

/** A stored date's reading ("13 Sep 2023") from its canonical form ("2023-09-13", "2023-09", "2023", "--09-13"). */
export function describeStoredDate(dateValue: string | undefined): string | null {
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
  return describeClaimDate(d) || null;
}

/** "Moscow and Pyongyang", in the given order. */
export function joinNames(names: string[]): string {
  return new Intl.ListFormat("en", { style: "long", type: "conjunction" }).format(names);
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
