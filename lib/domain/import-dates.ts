// Recognises a line that is only a publication date, in the shapes Vietnamese and English
// news sites print. A date inside a sentence is body text and is never matched.
import { EN_MONTHS } from "./details/date-words";

const LABEL = /^(?:đăng ngày|ngày đăng|đăng lúc|thời gian đăng|ngày|published(?: on)?|posted(?: on)?|date|first published)\s*[:：]?\s*/iu;

const WEEKDAY = /^(?:thứ (?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ nhật|cn|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\.?\s*,?\s*/iu;

const TIME = String.raw`\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?|sa|ch)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?`;
const TIMEZONE = /\s*\(?\s*(?:GMT|UTC)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?$/iu;
const LEADING_TIME = new RegExp(String.raw`^(?:lúc\s*)?${TIME}\s*[,|–-]?\s*(?:ngày\s+)?`, "iu");
const TRAILING_TIME = new RegExp(String.raw`(?:\s*[,|–-]?\s*(?:lúc|at)?\s*|T)${TIME}$`, "iu");

// English month names and abbreviations, shared with the claim-date parser.
const MONTHS = EN_MONTHS;
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORDINAL = "(?:st|nd|rd|th)?";

type DateShape = { pattern: RegExp; parts: (m: RegExpExecArray) => [number, number, number] };

const SHAPES: DateShape[] = [
  // 14/09/2023, 14-9-2023, 14.09.2023: day first, as Vietnamese and European sites print it
  {
    pattern: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u,
    parts: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
  },
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/u, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    pattern: new RegExp(String.raw`^(\d{1,2})${ORDINAL}\s+${MONTH_NAME},?\s+(\d{4})$`, "iu"),
    parts: (m) => [Number(m[3]), monthNumber(m[2]), Number(m[1])],
  },
  {
    pattern: new RegExp(String.raw`^${MONTH_NAME}\s+(\d{1,2})${ORDINAL},?\s+(\d{4})$`, "iu"),
    parts: (m) => [Number(m[3]), monthNumber(m[1]), Number(m[2])],
  },
  {
    pattern: /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|,)\s+(\d{4})$/iu,
    parts: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
  },
];

/** The number of an English month name, or 0 (no month) when the name is unknown or missing. */
function monthNumber(name: string | undefined): number {
  if (name === undefined) return 0;
  const key = name.toLowerCase().replace(/\.$/, "");
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? 0;
}

function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31/02 rolls over into March
  return date.toISOString().slice(0, 10);
}

/** Parses a line that holds only a (labelled) date, optionally with a time; returns ISO yyyy-mm-dd or null. */
export function parseDateLine(line: string): string | null {
  let rest = line.trim();
  if (rest.length === 0 || rest.length > 80) return null;
  rest = rest.replace(LABEL, "");
  rest = rest.replace(WEEKDAY, "");
  rest = rest.replace(TIMEZONE, "");
  rest = rest.replace(LEADING_TIME, "");
  rest = rest.replace(TRAILING_TIME, "");
  rest = rest.replace(/[\s,.]+$/u, "").trim();
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(rest);
    if (match) return toIsoDate(...shape.parts(match));
  }
  return null;
}
