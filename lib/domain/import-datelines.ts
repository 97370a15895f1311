// Recognises the dateline that opens a news story: "HÀ NỘI – …", "QUỐC TẾ - …",
// "WASHINGTON — …", "MOSCOW (Reuters) - …", "SEOUL, 14/9 – …". It is provenance, not
// what anybody claimed, so parseArticle moves it out of the first passage into metadataLines.
//
// The rule is conservative, because a first sentence may also open with an acronym and a dash
// ("NATO - the alliance said…", "ASEAN - Trung Quốc…"):
//   PLACE [, DATE] [(AGENCY)] [, DATE] <space> DASH <space> REST
// - PLACE: 1–4 words of capital letters (inner . ' & - allowed, as in "TP.HCM", "ST. LOUIS"),
//   no digits, at most 40 characters, and not a known organisation acronym or a rubric label
//   ("NATO", "ASEAN", "VIDEO", "TRỰC TIẾP"…).
// - Without an agency or a date, a PLACE of one ASCII-only word needs at least 4 letters:
//   "US -", "EU -", "UN -" open sentences far more often than they name a dateline.
// - DATE: a short date ("14/9", "14/9/2023", "14 tháng 9", "Sept. 14"); AGENCY: a name in
//   parentheses that starts with a capital ("(Reuters)", "(TTXVN)").
// - DASH: "-", "–", "—" (or "--") with white space on both sides.
// - REST: must start like a sentence (a capital, a digit or a quote) and hold a lower-case
//   letter, so "NATO - the alliance…" and an all-caps headline "NGA - TRIỀU TIÊN" are left alone.
//   A dateline is never taken when nothing would remain of the paragraph.

export type Dateline = {
  /** The dateline exactly as written, dash included: "QUỐC TÊ -", "MOSCOW (Reuters) -". */
  dateline: string;
  place: string;
  /** The parenthesised agency ("Reuters"), or null. */
  agency: string | null;
  /** The paragraph after the dateline, as written. */
  rest: string;
};

const MAX_PLACE_LENGTH = 40;
const MAX_AGENCY_LENGTH = 30;

const PLACE_WORD = String.raw`\p{Lu}(?:[\p{Lu}\p{M}.'’&-]*[\p{Lu}\p{M}.])?`;
const PLACE = String.raw`${PLACE_WORD}(?:\s+${PLACE_WORD}){0,3}`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?`;
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}\s+[Tt]háng\s+\d{1,2}(?:\s+năm\s+\d{4})?|${MONTH}\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+${MONTH}(?:\s+\d{4})?)`;
const AGENCY = String.raw`\(\s*(?<agency>\p{Lu}[^()]{0,${MAX_AGENCY_LENGTH - 1}}?)\s*\)`;

// No "i" flag: with it, \p{Lu} would also match lower-case letters.
const DATELINE = new RegExp(
  String.raw`^(?<place>${PLACE})(?:\s*,\s*(?<date>${DATE}))?(?:\s*${AGENCY})?(?:\s*,\s*(?<dateAfter>${DATE}))?\s+(?:--|[-–—])(?=\s)`,
  "u",
);

/** Organisation acronyms and rubric labels that open sentences or headlines, not datelines. */
const NOT_PLACES = new Set([
  "NATO",
  "ASEAN",
  "OPEC",
  "APEC",
  "BRICS",
  "UNESCO",
  "UNICEF",
  "UNHCR",
  "NASA",
  "FIFA",
  "IAEA",
  "WHO",
  "WTO",
  "IMF",
  "ICC",
  "ICJ",
  "CIA",
  "FBI",
  "KGB",
  "EU",
  "UN",
  "LHQ",
  "WB",
  "ADB",
  "UAV",
  "AI",
  "VIDEO",
  "CLIP",
  "ẢNH",
  "INFOGRAPHIC",
  "INFOGRAPHICS",
  "PHOTO",
  "PHOTOS",
  "BREAKING",
  "EXCLUSIVE",
  "LIVE",
  "UPDATE",
  "UPDATED",
  "ANALYSIS",
  "OPINION",
  "EDITORIAL",
  "FACT CHECK",
  "NÓNG",
  "TRỰC TIẾP",
  "CẬP NHẬT",
  "ĐỘC QUYỀN",
  "PHÂN TÍCH",
  "BÌNH LUẬN",
  "GÓC NHÌN",
  "QUAN ĐIỂM",
  "TIN NÓNG",
  "KIỂM CHỨNG",
  "XÃ LUẬN",
  "PHỎNG VẤN",
]);

const SENTENCE_START = /^[\p{Lu}\p{N}"“‘'«(]/u;

/** Parses the dateline opening a paragraph (rule above); null when there is none. */
export function parseDateline(paragraph: string): Dateline | null {
  const text = paragraph.normalize("NFC").trim();
  const match = DATELINE.exec(text);
  if (!match) return null;
  const groups = match.groups ?? {};
  const place = groups.place;
  // The place is the one group every dateline has.
  if (place === undefined) return null;
  const agency = groups.agency ?? null;
  const hasDateOrAgency = agency !== null || groups.date !== undefined || groups.dateAfter !== undefined;
  if (place.length > MAX_PLACE_LENGTH || NOT_PLACES.has(place.replace(/\s+/gu, " "))) return null;
  const singleAsciiWord = !/\s/u.test(place) && /^[\p{ASCII}]+$/u.test(place);
  if (!hasDateOrAgency && singleAsciiWord && (place.match(/\p{L}/gu) ?? []).length < 4) return null;

  const rest = text.slice(match[0].length).trim();
  if (!SENTENCE_START.test(rest) || !/\p{Ll}/u.test(rest)) return null;
  return { dateline: match[0], place, agency, rest };
}
