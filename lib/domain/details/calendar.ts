// Gregorian calendar arithmetic on plain numbers. Date is used only through UTC so the
// host's time zone can never move a day.
import type { ParseProblem } from "./problems";

/** A calendar day with every part known. */
export type CalendarDay = { year: number; month: number; day: number };

export const MONTH_NAMES_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

// Claims are about modern news; a four-digit year outside this span is almost always a typo.
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;

const DAY_MS = 86_400_000;

/** Whether a Gregorian year has 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; with the year unknown February counts 29, so 29/2 stays possible. */
export function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a (partial) year/month/day is not a calendar date, or null when it is one. */
export function calendarProblem(year: number | null, month: number | null, day: number | null): ParseProblem | null {
  // Month before day before year: "9999-99-99" is best explained by its month.
  if (month !== null && (month < 1 || month > 12)) return { code: "monthMissing", values: { month: String(month) } };
  if (day !== null) {
    if (day < 1) return { code: "dayMissing", values: { day: String(day) } };
    if (month !== null) {
      const max = String(daysInMonth(month, year));
      if (Number(max) < day) {
        if (year !== null) return { code: "monthDaysInYear", values: { month, year: String(year), max } };
        return month === 2 ? { code: "februaryDays", values: {} } : { code: "monthDays", values: { month, max } };
      }
    } else if (day > 31) {
      return { code: "dayMissing", values: { day: String(day) } };
    }
  }
  if (year !== null && (year < MIN_YEAR || year > MAX_YEAR))
    return { code: "yearRange", values: { year: String(year), min: String(MIN_YEAR), max: String(MAX_YEAR) } };
  return null;
}

/** A strict YYYY-MM-DD that is a real calendar day, or null. */
export function parseIsoDay(text: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return calendarProblem(day.year, day.month, day.day) === null ? day : null;
}

function toUtc(d: CalendarDay): number {
  // Date.UTC maps years 0–99 onto 1900–1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(d.year, d.month - 1, d.day);
  return date.getTime();
}

/** The day n days after d (n may be negative). */
export function addDays(d: CalendarDay, n: number): CalendarDay {
  const date = new Date(toUtc(d) + n * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}
