// Recognises the credit and link lines that close an article ("Đức Trung (Theo Reuters)",
// "Nguồn: CNN", "By Jane Doe", "Nguồn VOV: https://…"). Shapes are matched on the whole line
// and every name must look like a name, so a body sentence that merely starts with "Theo"
// is left alone.

export type CreditLine = { byline: string | null; publisher: string | null; origins: string[] };

export type UrlLine = { url: string; publisher: string | null };

const MAX_CREDIT_LENGTH = 120;

/** "Theo", "Nguồn:", "Source:" introduce the list of relayed origins. */
const SOURCE_MARKER = /(?<![\p{L}\p{N}])(?:theo(?![\p{L}\p{N}])\s*[:：]?|nguồn\s*[:：]|sources?\s*[:：])\s*/iu;

/** Words a Vietnamese desk writes after the editor's name: translated, compiled, edited... */
const ROLE_SUFFIX = /\s*\(?\s*(?:biên dịch|lược dịch|tổng hợp|biên tập|thực hiện|dịch)\s*\)?$/iu;

const LIST_SEPARATOR = /\s*(?:[,;&/]|\s(?:và|and)\s)\s*/u;
const DASH_SEPARATOR = /\s+[-–—]\s+/u;
const NAME_PARTICLES = new Set(["van", "von", "de", "der", "da", "del", "di", "le", "la", "bin", "và", "and", "&"]);
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const STARTS_UPPER = /^[\p{Lu}\p{N}]/u;

/** An outlet or agency: "Reuters", "Japan Times", "ntdvn.net", "Bộ Quốc phòng Nga". */
function isOriginName(name: string): boolean {
  // A short trailing qualifier is part of the name: "Demo Wire (demo)", "Reuters (Tokyo)".
  const s = name.replace(/\s*\([^()]{1,30}\)$/u, "");
  const words = s.split(/\s+/u);
  if (s.length === 0 || s.length > 50 || words.length > 6) return false;
  if (DOMAIN.test(s)) return true;
  return STARTS_UPPER.test(s) && !/[!?:"“”]/u.test(s);
}

/** A person's name: capitalised words, allowing particles ("Ludwig van Beethoven") and "và"/"and". */
function isPersonName(s: string): boolean {
  const words = s.split(/\s+/u).filter(Boolean);
  const first = words[0];
  const last = words.at(-1);
  if (first === undefined || last === undefined || words.length > 8 || s.length > 60 || /[\d:!?"“”()]/u.test(s)) return false;
  const capitalised = (w: string) => /^\p{Lu}/u.test(w);
  return capitalised(first) && capitalised(last) && words.every((w) => capitalised(w) || NAME_PARTICLES.has(w.toLowerCase()));
}

function stripRole(s: string): { text: string; hadRole: boolean } {
  const text = s.replace(ROLE_SUFFIX, "").trim();
  return { text, hadRole: text !== s.trim() };
}

function splitOrigins(list: string): string[] | null {
  const origins = list
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
  return origins.length > 0 && origins.every(isOriginName) ? origins : null;
}

/** "Reuters, Japan Times" or "ntdvn.net - Lam Giang tổng hợp". */
function parseSourceList(list: string): { origins: string[]; byline: string | null } | null {
  const [head, ...rest] = list.split(DASH_SEPARATOR);
  // Nothing before the first dash (an empty list) names no origin.
  const origins = head === undefined ? null : splitOrigins(head);
  if (!origins) return null;
  if (rest.length === 0) return { origins, byline: null };
  const tail = stripRole(rest.join(" - "));
  if (tail.hadRole) return isPersonName(tail.text) ? { origins, byline: tail.text } : null;
  // Without a role word the part after the dash is read as more origins ("Reuters - AP").
  const more = splitOrigins(tail.text);
  return more ? { origins: [...origins, ...more], byline: null } : null;
}

/** "Trung Hiếu/VOV.VN biên dịch" → byline and publisher. */
function parseHead(head: string): { byline: string; publisher: string | null; marked: boolean } | null {
  const { text, hadRole } = stripRole(head);
  const [name, publisher, ...extra] = text.split(/\s*\/\s*/u);
  if (name === undefined || extra.length > 0 || !isPersonName(name)) return null;
  if (publisher !== undefined && !isOriginName(publisher)) return null;
  return { byline: name, publisher: publisher ?? null, marked: hadRole || publisher !== undefined };
}

function parseClause(clause: string, allowBareName: boolean): { origins: string[]; byline: string | null } | null {
  const marker = SOURCE_MARKER.exec(clause);
  if (marker && marker.index === 0) return parseSourceList(clause.slice(marker[0].length));
  return allowBareName && isOriginName(clause) ? { origins: [clause], byline: null } : null;
}

/** Parses a closing credit line (≤ 120 characters); null when the line is not one. */
export function parseCreditLine(line: string): CreditLine | null {
  const s = line.trim().replace(/\.$/u, "");
  if (s.length === 0 || s.length > MAX_CREDIT_LENGTH) return null;

  const by = /^by\s+(.+)$/iu.exec(s)?.[1];
  if (by !== undefined) return isPersonName(by) ? { byline: by, publisher: null, origins: [] } : null;

  let head = s;
  let clause: { origins: string[]; byline: string | null } | null = null;
  const paren = /^(.*?)\s*\(([^()]+)\)$/u.exec(s);
  const beforeParen = paren?.[1];
  const inParen = paren?.[2];
  // "(Theo Reuters)" is a source clause; "Source: Demo Wire (demo)" is a name with a qualifier.
  const parenClause = inParen === undefined ? null : parseClause(inParen.trim(), true);
  if (beforeParen !== undefined && parenClause) {
    head = beforeParen;
    clause = parenClause;
  } else {
    const marker = SOURCE_MARKER.exec(s);
    if (marker) {
      head = s.slice(0, marker.index);
      clause = parseClause(s.slice(marker.index), false);
      if (!clause) return null;
    }
  }

  head = head.trim();
  if (head.length === 0) {
    return clause && { byline: clause.byline, publisher: null, origins: clause.origins };
  }
  const parsed = parseHead(head);
  // A bare name with no role, publisher or source list is too ambiguous to treat as a credit.
  if (!parsed || (!clause && !parsed.marked)) return null;
  return {
    byline: parsed.byline,
    publisher: parsed.publisher,
    origins: clause?.origins ?? [],
  };
}

const URL_LINE = /^(?:([^:/]{1,40}?)\s*[:：]\s*)?<?(https?:\/\/[^\s<>]+?)>?$/iu;

/** Parses a line holding only a URL, optionally labelled ("Nguồn VOV: https://…"); the label's name becomes the publisher. */
export function parseUrlLine(line: string): UrlLine | null {
  const match = URL_LINE.exec(line.trim());
  const url = match?.[2];
  if (!match || url === undefined) return null;
  const label = match[1]?.trim() ?? "";
  const name = /^(?:nguồn|source|link|url)\s+(.+)$/iu.exec(label)?.[1];
  const publisher = name !== undefined && isOriginName(name) ? name : null;
  return { url, publisher };
}
