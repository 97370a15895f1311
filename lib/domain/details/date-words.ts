// Vocabulary for dates as editors write them. Everything here matches text already passed
// through foldForMatch (lower case, no diacritics, đ → d), so "tháng Chín" arrives as "thang chin".
import { lookupTable } from "./lookup-table";

/** English month names and abbreviations, lower case → month number. */
export const EN_MONTHS: Record<string, number> = lookupTable({
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
});

// "tháng Giêng" and "tháng Chạp" name lunar months in the almanac, but news copy uses them
// for January and December; a lunar date would be written with "âm lịch" and fails to parse.
const VI_MONTHS: Record<string, number> = lookupTable({
  gieng: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  "muoi mot": 11,
  "muoi hai": 12,
  chap: 12,
});

/** English month name or abbreviation, with an optional full stop ("Sept."). */
export const EN_MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept(?:ember)?|sep|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

/** A month after "tháng": digits or a Vietnamese month word; two-word months come first so "muoi mot" is not read as "muoi". */
export const VI_MONTH = String.raw`(\d{1,2}|muoi mot|muoi hai|gieng|chap|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)`;

/** Weekday prefix in either language, including "T2"/"CN" shorthand; weekdays are not checked against the date. */
export const WEEKDAY_PREFIX =
  /^(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat|cn|t[2-7]|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)\.?[\s,]+/;

// Time of day ("sáng 13/9" = the morning of 13/9), "mùng" (the day number 1–10), and
// prepositions. "hôm"/"ngày" stay when they start "hôm nay"/"hôm qua".
/** Words before a date that carry no date information. */
export const LEADING_FILLER = /^(?:vao|luc|on|in|the|of|mung|mong|sang|trua|chieu|toi|dem|khuya|rang sang|(?:hom|ngay)(?!\s+(?:nay|qua)$))[\s,]+/;

/** Words after a date that carry no date information ("13/9 vừa qua" = the recent 13/9). */
export const TRAILING_FILLER = /[\s,]+(?:vua qua|vua roi)$/;

/** The month number for an English month word, or null. */
export function enMonth(word: string): number | null {
  return EN_MONTHS[word.replace(/\.$/, "")] ?? null;
}

/** The month number for a folded Vietnamese month word or digits, or null. */
export function viMonth(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return VI_MONTHS[word] ?? null;
}
