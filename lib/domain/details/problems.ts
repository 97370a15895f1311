// Why a date or count written in a claim cannot be read, as a code with its values, so the
// interface can say it in the reader's language (catalogue: reader.form.reading.problem.<code>).
// `problemText` is the English the parsers give as `reason`, carried by the API and the exports;
// lib/domain/details/problems.test.ts checks that the English catalogue says exactly the same.
import { MONTH_NAMES_EN } from "./calendar";

type Values = {
  notADate: Record<string, never>;
  badReference: { reference: string };
  relative: { text: string };
  twoDigitYear: { year: string };
  dayNeedsMonth: Record<string, never>;
  monthMissing: { month: string };
  dayMissing: { day: string };
  /** `month` 1–12, a number so a catalogue can name it. */
  monthDaysInYear: { month: number; year: string; max: string };
  monthDays: { month: number; max: string };
  februaryDays: Record<string, never>;
  yearRange: { year: string; min: string; max: string };
  /** Follows a calendar problem of a numeric date whose month is over 12. */
  dayMonthOrder: Record<string, never>;
  /** Follows a calendar problem of a date whose year was taken from the article. */
  yearFromArticle: { year: string; article: string };
  noNumber: Record<string, never>;
  notFirst: Record<string, never>;
  vague: { text: string };
  twoQualifiers: { text: string };
  rangeNeedsTwo: Record<string, never>;
  rangeBackwards: { min: string; max: string };
  yearNotCount: { year: string };
  twoNumbers: { first: string; second: string };
  notACount: { text: string };
  fraction: Record<string, never>;
  qualifierNeedsOne: Record<string, never>;
  badDigits: { text: string };
  /** Precedes the problem of one part of a list of counts; `n` is 1-based. */
  part: { n: string; segment: string };
};

export type ProblemCode = keyof Values;
/** One reason, optionally followed by another that explains or locates it (`more`). */
export type ParseProblem = { [C in ProblemCode]: { code: C; values: Values[C]; more?: ParseProblem } }[ProblemCode];

/** A problem of `code` with its values (and what follows it). */
export function problem<C extends ProblemCode>(code: C, values: Values[C], more?: ParseProblem): ParseProblem {
  return (more ? { code, values, more } : { code, values }) as ParseProblem;
}

export const NOT_A_DATE = "not a date: write it like 13/9/2023, 2023-09-13, tháng 9/2023 or 13 September 2023";
export const NO_NUMBER = "no number found: write a count like 5, 1.000, năm or five";

const ENGLISH: { [C in ProblemCode]: (v: Values[C]) => string } = {
  notADate: () => NOT_A_DATE,
  badReference: (v) => `reference date "${v.reference}" is not a YYYY-MM-DD calendar day`,
  relative: (v) => `"${v.text}" is relative to the article's date, which is not given`,
  twoDigitYear: (v) => `two-digit year "${v.year}": write the full year, like 13/9/2023`,
  dayNeedsMonth: () => "a day needs a month: write it like 13/9 or 13 tháng 9",
  monthMissing: (v) => `month ${v.month} does not exist`,
  dayMissing: (v) => `day ${v.day} does not exist`,
  monthDaysInYear: (v) => `${MONTH_NAMES_EN[v.month - 1]} ${v.year} has ${v.max} days`,
  monthDays: (v) => `${MONTH_NAMES_EN[v.month - 1]} has ${v.max} days`,
  februaryDays: () => "February has at most 29 days",
  yearRange: (v) => `year ${v.year} is outside ${v.min}–${v.max}`,
  dayMonthOrder: () => "(numeric dates are day/month: 13/9/2023 is 13 September 2023)",
  yearFromArticle: (v) => `(the year ${v.year} comes from the article's date, ${v.article})`,
  noNumber: () => NO_NUMBER,
  notFirst: () => "the count must come first: write it like 5 UAV tấn công or five drones",
  vague: (v) => `"${v.text}" is vague: write a range like 20-30`,
  twoQualifiers: (v) => `"${v.text}" has two qualifiers: keep one`,
  rangeNeedsTwo: () => `a range needs two numbers: write it like "từ 20 đến 30" or "between 20 and 30"`,
  rangeBackwards: (v) => `the range ${v.min}–${v.max} runs backwards: write the smaller number first`,
  yearNotCount: (v) => `"năm ${v.year}" reads as a year, not a count`,
  twoNumbers: (v) => `two numbers in a row ("${v.first} ${v.second}"): write one count, like 5.000 or 5`,
  notACount: (v) => `"${v.text}" is not a count: write a whole number like 5`,
  fraction: () => "fractions are not counts: write a number like 5",
  qualifierNeedsOne: () => `a qualifier like "hơn"/"more than" needs one number, not a range or a vague amount`,
  badDigits: (v) => `cannot read the number "${v.text}": use . or , between groups of three digits (1.000 or 1,000) and the other mark for decimals`,
  part: (v) => `part ${v.n} ("${v.segment}"):`,
};

/** The problem in English, as the API and exports give it: each part, then what follows it, space-separated. */
export function problemText(p: ParseProblem): string {
  const own = (ENGLISH[p.code] as (v: typeof p.values) => string)(p.values);
  return p.more ? `${own} ${problemText(p.more)}` : own;
}
