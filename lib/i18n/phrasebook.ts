import vi from "@/messages/phrasebook/vi.json";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Validation and service messages are written in English where the rule lives (zod schemas,
 * `new AppError(…)`), so a rule and its words stay together. The phrasebook translates them at the
 * edge (API answers, server actions, form errors): each key is an English message as the code
 * writes it, with `{1}`, `{2}`… where the code interpolates a value; the value is the translation
 * with the same placeholders. A message the phrasebook does not know stays English (the test in
 * phrasebook.test.ts lists every message in lib/ and fails on one without a translation).
 */
type Book = { exact: Map<string, string>; patterns: { re: RegExp; slots: number[]; to: string }[] };

const SLOT = /\{(\d)\}/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(entries: Record<string, string>): Book {
  const exact = new Map<string, string>();
  const patterns: Book["patterns"] = [];
  for (const [from, to] of Object.entries(entries)) {
    if (!to) continue;
    const slots = [...from.matchAll(SLOT)].map((m) => Number(m[1]));
    if (!slots.length) {
      exact.set(from, to);
      continue;
    }
    const source = from
      .split(SLOT)
      .map((part, i) => (i % 2 === 1 ? "(.+?)" : escapeRegExp(part)))
      .join("");
    patterns.push({ re: new RegExp(`^${source}$`, "s"), slots, to });
  }
  // The most specific pattern first: "At most {1} speakers" before "At most {1}".
  const literal = (p: { re: RegExp }) => p.re.source.replaceAll("(.+?)", "").length;
  patterns.sort((a, b) => literal(b) - literal(a));
  return { exact, patterns };
}

const BOOKS: Partial<Record<Locale, Book>> = {};
const SOURCES: Partial<Record<Locale, Record<string, string>>> = { vi };

function book(locale: Locale): Book | null {
  const source = SOURCES[locale];
  if (!source) return null;
  BOOKS[locale] ??= compile(source);
  return BOOKS[locale];
}

// A value that is a number as the English messages write it ("20,000", "5.1", "5.1 MB", "512
// bytes"): the whole value, so an id, an offset range or a date is never taken for one.
const ENGLISH_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?( (?:KB|MB|GB|bytes?))?$/;

/** `value` with an English-written number in it written the locale's way ("20.000", "5,1 MB", "512 byte" in Vietnamese). */
function localNumber(locale: Locale, value: string): string {
  const m = ENGLISH_NUMBER.exec(value);
  if (!m) return value;
  const [, whole = "", decimals = "", unit = ""] = m;
  const written = new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals.length,
    maximumFractionDigits: decimals.length,
    // Digits written without separators (an offset, a year) keep none.
    useGrouping: whole.includes(","),
  }).format(Number(`${whole.replaceAll(",", "")}.${decimals || "0"}`));
  return written + (locale === "vi" && unit.startsWith(" byte") ? " byte" : unit);
}

/**
 * `message` in `locale` when the phrasebook knows it, otherwise unchanged. A value it carries is
 * kept: translated when it is a known phrase itself, and a number in it written the locale's way.
 */
export function phrase(locale: Locale, message: string): string {
  const b = book(locale);
  if (!b) return message;
  const hit = b.exact.get(message);
  if (hit !== undefined) return hit;
  for (const p of b.patterns) {
    const m = p.re.exec(message);
    if (!m) continue;
    const values = new Map(p.slots.map((slot, i) => [slot, m[i + 1] ?? ""]));
    return p.to.replace(SLOT, (_all, n: string) => {
      const v = values.get(Number(n)) ?? "";
      return b.exact.get(v) ?? localNumber(locale, v);
    });
  }
  return message;
}

/** Every message of a `{ field: message }` map in `locale`. */
export function phraseFields(locale: Locale, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? phrase(locale, v) : v]));
}
