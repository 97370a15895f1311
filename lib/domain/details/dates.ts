// biome-ignore-all lint/suspicious/noAssignInExpressions: each pattern is tried in turn, one per line, `if ((m = re.exec(s)))`
// Dates as editors write them in claims, read by meaning so "13/9/2023" and "2023-09-13" are one date.
// Numeric dates with slashes or dots are day/month only (the Vietnamese and European order):
// "9/13/2023" is month 13 and fails instead of being silently flipped.
import { foldForMatch } from "../claim-types";
import { addDays, calendarProblem, daysBetween, MONTH_NAMES_EN, parseIsoDay, type CalendarDay } from "./calendar";
import { EN_MONTH, enMonth, LEADING_FILLER, TRAILING_FILLER, VI_MONTH, viMonth, WEEKDAY_PREFIX } from "./date-words";
import { type ParseProblem, problem, problemText } from "./problems";

export { NOT_A_DATE } from "./problems";

export type DatePrecision = "year" | "month" | "day";
/** A calendar date known to some precision. month/day are 1-based; null when below the precision. */
export type ClaimDate = {
  year: number | null;
  month: number | null;
  day: number | null;
  precision: DatePrecision;
  yearFrom: "text" | "reference" | "none";
};
/** A failure has the problem as a code with values (for the interface) and in English (`reason`, for the API). */
export type DateParse = { ok: true; value: ClaimDate } | { ok: false; reason: string; problem: ParseProblem };

// A date written without a year is placed in the 12 months that end LOOKAHEAD_DAYS after the
// article's date: articles announce events up to about two months ahead, so "28/12" in an article
// of 2024-01-03 is 28/12/2023, while "2/1" in one of 2023-12-30 is 2/1/2024.
const LOOKAHEAD_DAYS = 61;

type YearTail = { rest: string; year: number | null; yearFrom: ClaimDate["yearFrom"]; slashed: boolean };
type DayMonth = { month: number; day: number | null; numeric: boolean };

const fail = (p: ParseProblem): DateParse => ({ ok: false, reason: problemText(p), problem: p });
const ok = (value: ClaimDate): DateParse => ({ ok: true, value });
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const iso = (d: CalendarDay) => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;

/** Parse a date as written in a claim; a date without a year takes the reference (article) date's year. */
export function parseClaimDate(raw: string, opts: { reference?: string } = {}): DateParse {
  let reference: CalendarDay | null = null;
  if (opts.reference !== undefined) {
    reference = parseIsoDay(opts.reference);
    // A bad reference is a caller bug; guessing around it would hide wrong years.
    if (!reference) return fail(problem("badReference", { reference: opts.reference }));
  }
  const text = clean(raw);
  if (text === "") return fail(problem("notADate", {}));
  return parseCleaned(text, raw.trim(), reference);
}

function clean(raw: string): string {
  let s = foldForMatch(raw).replace(/[\s.,;:!?]+$/, "");
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(WEEKDAY_PREFIX, "").replace(LEADING_FILLER, "");
  }
  return s.replace(TRAILING_FILLER, "").replace(/[\s.,;:!?]+$/, "");
}

function parseCleaned(s: string, shown: string, ref: CalendarDay | null): DateParse {
  const relative = () => fail(problem("relative", { text: shown }));
  if (/^(?:hom nay|today)$/.test(s)) return ref ? ok(dayOf(ref)) : relative();
  if (/^(?:hom qua|yesterday)$/.test(s)) return ref ? ok(dayOf(addDays(ref, -1))) : relative();

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return withYear(Number(m[1]), { month: Number(m[2]), day: Number(m[3]), numeric: false }, "text");
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(s))) return withYear(Number(m[1]), { month: Number(m[2]), day: null, numeric: false }, "text");
  // "--09-13" / "--09": the ISO 8601 spelling of a date without a year, as formatClaimDate writes it
  if ((m = /^--(\d{1,2})(?:-(\d{1,2}))?$/.exec(s))) {
    return withoutYear({ month: Number(m[1]), day: m[2] === undefined ? null : Number(m[2]), numeric: false }, ref);
  }
  if ((m = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2})$/.exec(s))) return fail(problem("twoDigitYear", { year: group(m, 1) }));

  const tail = peelYear(s, ref);
  if (tail === null) return relative();
  const { rest, year, yearFrom } = tail;
  if (rest === "") return year === null ? fail(problem("notADate", {})) : withYear(year, null, yearFrom);
  if (year === null && /^(?:thang truoc|last month)$/.test(rest)) return ref ? ok(monthOf(ref, -1)) : relative();
  if (year === null && /^(?:thang nay|this month)$/.test(rest)) return ref ? ok(monthOf(ref, 0)) : relative();

  const dayMonth = readDayMonth(rest, tail.slashed);
  if (!dayMonth) {
    if (year === null && /^\d{1,2}$/.test(rest)) return fail(problem("dayNeedsMonth", {}));
    return fail(problem("notADate", {}));
  }
  return year === null ? withoutYear(dayMonth, ref) : withYear(year, dayMonth, yearFrom);
}

/** Splits a trailing year ("/2023", " năm 2023", ", 2023", " năm ngoái") off; null when a relative year has no reference. */
function peelYear(s: string, ref: CalendarDay | null): YearTail | null {
  let m = /(?:^|[\s,]+|\s*[/.-]\s*)(?:nam\s+)?(\d{4})$/.exec(s);
  if (m) {
    const rest = s.slice(0, m.index).replace(/\s+of$/, "");
    return { rest, year: Number(m[1]), yearFrom: "text", slashed: /[/.-]/.test(m[0]) };
  }
  m = /(?:^|[\s,]+)(?:nam\s+(nay|ngoai|truoc)|(this|last)\s+year)$/.exec(s);
  if (m) {
    if (!ref) return null;
    const back = m[1] === "nay" || m[2] === "this" ? 0 : 1;
    return { rest: s.slice(0, m.index), year: ref.year - back, yearFrom: "reference", slashed: false };
  }
  return { rest: s, year: null, yearFrom: "none", slashed: false };
}

/** Capture group i of a match, for groups that take part in every match of their pattern. */
function group(m: RegExpExecArray, i: number): string {
  const g = m[i];
  if (g === undefined) throw new Error(`date pattern group ${i} did not take part in the match`);
  return g;
}

function readDayMonth(rest: string, slashed: boolean): DayMonth | null {
  const match = (pattern: string) => new RegExp(`^${pattern}$`).exec(rest);
  let m = match(String.raw`thang\s+${VI_MONTH}`);
  if (m) return { month: viMonth(group(m, 1))!, day: null, numeric: false };
  if (slashed && (m = match(String.raw`(\d{1,2})`))) return { month: Number(m[1]), day: null, numeric: false };
  if ((m = match(EN_MONTH))) return { month: enMonth(group(m, 1))!, day: null, numeric: false };
  if ((m = match(String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})`))) return { day: Number(m[1]), month: Number(m[2]), numeric: true };
  if ((m = match(String.raw`(\d{1,2})\s+thang\s+${VI_MONTH}`))) return { day: Number(m[1]), month: viMonth(group(m, 2))!, numeric: false };
  if ((m = match(String.raw`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${EN_MONTH}`))) {
    return { day: Number(m[1]), month: enMonth(group(m, 2))!, numeric: false };
  }
  if ((m = match(String.raw`${EN_MONTH}\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?`))) {
    return { day: Number(m[2]), month: enMonth(group(m, 1))!, numeric: false };
  }
  return null;
}

function withYear(year: number, dm: DayMonth | null, yearFrom: ClaimDate["yearFrom"]): DateParse {
  const why = calendarProblem(year, dm?.month ?? null, dm?.day ?? null);
  if (why) return fail(dm ? withOrderHint(why, dm) : why);
  const precision: DatePrecision = dm === null ? "year" : dm.day === null ? "month" : "day";
  return ok({ year, month: dm?.month ?? null, day: dm?.day ?? null, precision, yearFrom });
}

function withoutYear(dm: DayMonth, ref: CalendarDay | null): DateParse {
  // Checked without a year first, so "30/02" fails as itself rather than for a guessed year.
  const why = calendarProblem(null, dm.month, dm.day);
  if (why) return fail(withOrderHint(why, dm));
  const precision: DatePrecision = dm.day === null ? "month" : "day";
  if (!ref) return ok({ year: null, month: dm.month, day: dm.day, precision, yearFrom: "none" });
  const year = inferYear(dm.month, dm.day, ref);
  if (typeof year !== "number") return fail(year);
  return ok({ year, month: dm.month, day: dm.day, precision, yearFrom: "reference" });
}

/** The latest year in which the day (or the month's first day) is at most LOOKAHEAD_DAYS after ref, or why none works. */
function inferYear(month: number, day: number | null, ref: CalendarDay): number | ParseProblem {
  for (const year of [ref.year + 1, ref.year, ref.year - 1]) {
    // Skipping years where the day does not exist lets 29/2 find the nearby leap year.
    if (calendarProblem(year, month, day) !== null) continue;
    if (daysBetween(ref, { year, month, day: day ?? 1 }) <= LOOKAHEAD_DAYS) return year;
  }
  const year = ref.year - (daysBetween(ref, { year: ref.year, month, day: 28 }) > LOOKAHEAD_DAYS ? 1 : 0);
  const why = calendarProblem(year, month, day) ?? problem("notADate", {});
  return { ...why, more: problem("yearFromArticle", { year: String(year), article: iso(ref) }) };
}

function withOrderHint(why: ParseProblem, dm: DayMonth): ParseProblem {
  if (dm.numeric && dm.month > 12 && dm.day !== null && dm.day <= 12) return { ...why, more: problem("dayMonthOrder", {}) };
  return why;
}

function dayOf(d: CalendarDay): ClaimDate {
  return { year: d.year, month: d.month, day: d.day, precision: "day", yearFrom: "reference" };
}

function monthOf(ref: CalendarDay, delta: number): ClaimDate {
  const index = ref.year * 12 + (ref.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: null, precision: "month", yearFrom: "reference" };
}

const RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** How two parsed dates relate at their common precision; "same" also when they share nothing to compare (e.g. "2023" vs "--09"). */
export function compareClaimDates(a: ClaimDate, b: ClaimDate): "same" | "different" {
  const common = Math.min(RANK[a.precision], RANK[b.precision]);
  if (a.year !== null && b.year !== null && a.year !== b.year) return "different";
  if (common >= RANK.month && a.month !== b.month) return "different";
  if (common >= RANK.day && a.day !== b.day) return "different";
  return "same";
}

/** Canonical text for a parsed date: "2023-09-13", "2023-09", "2023", or "--09-13"/"--09" when the year is unknown. */
export function formatClaimDate(d: ClaimDate): string {
  const year = d.year === null ? "-" : pad(d.year, 4);
  if (d.precision === "year") return d.year === null ? "" : year;
  const month = `${year}-${pad(d.month ?? 0, 2)}`;
  return d.precision === "month" ? month : `${month}-${pad(d.day ?? 0, 2)}`;
}

/** Human text for a parsed date in the given language, e.g. "13 Sep 2023" / "13/9/2023"; used in verdict sentences. */
export function describeClaimDate(d: ClaimDate, lang: "en" | "vi" = "en"): string {
  if (d.precision === "year") return d.year === null ? "" : lang === "vi" ? `năm ${d.year}` : String(d.year);
  const month = d.month ?? 0;
  if (lang === "vi") {
    const dayMonth = d.precision === "day" ? `${d.day}/${month}` : `tháng ${month}`;
    return d.year === null ? dayMonth : `${dayMonth}/${d.year}`;
  }
  const name = (MONTH_NAMES_EN[month - 1] ?? "?").slice(0, 3);
  const dayMonth = d.precision === "day" ? `${d.day} ${name}` : name;
  return d.year === null ? dayMonth : `${dayMonth} ${d.year}`;
}
