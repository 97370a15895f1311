// Splits an imported article into body passages and the provenance lines around them
// (title, date, credit, link, dateline). Removed lines are returned so the user can confirm
// them, and nothing is dropped silently: every non-empty input line is either a passage or
// a metadata line (a dateline is the head of the first passage's line).
import { isPhotoCaption } from "./import-captions";
import { parseCreditLine, parseUrlLine } from "./import-credits";
import { parseDateline } from "./import-datelines";
import { parseDateLine } from "./import-dates";
import { codePointLength, flagDuplicatePassages, normalizeText, sliceCodePoints } from "./text";

export type MetadataKind = "title" | "date" | "credit" | "url" | "dateline";

export type ParsedPassage = {
  text: string;
  /** The same paragraph appeared earlier (a repeated photo caption, a pasted block twice). */
  isDuplicate: boolean;
  /** A photo caption ("… (Ảnh: AFP)"): article text, kept, but never the title. */
  isCaption: boolean;
};

export type ParsedArticle = {
  title: string;
  titleFromHeading: boolean;
  publishedAt: string | null;
  publisher: string | null;
  origins: string[];
  byline: string | null;
  url: string | null;
  language: "vi" | "en" | null;
  passages: ParsedPassage[];
  metadataLines: { text: string; kind: MetadataKind }[];
  /** What the desk should fix before importing (see NO_PUBLISHER_WARNING, NO_DATE_WARNING). */
  warnings: string[];
};

// Without a publisher or an origin, nothing names who a claim in the text came from. @phrasebook
export const NO_PUBLISHER_WARNING =
  "No publisher was found: claims from this article will count as unattributed unless they name a speaker or an origin. Add the publisher before importing.";
// Without a date, "hôm 13/9" or "on Wednesday" in a claim cannot be placed in time. @phrasebook
export const NO_DATE_WARNING = "No publication date was found";

/** Credit and link lines are only looked for among this many closing paragraphs. */
const CREDIT_WINDOW = 3;
const MAX_HEADING_LENGTH = 150;
const MAX_DERIVED_TITLE_LENGTH = 120;

type Paragraph = { text: string; line: number };

function paragraphsOf(lines: string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  lines.forEach((raw, line) => {
    const text = raw.trim();
    if (text) paragraphs.push({ text, line });
  });
  return paragraphs;
}

const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)(?:\s+#+)?$/u;

/**
 * A heading stands alone: short, not ending like a sentence or an introduction, and set off
 * from the next body paragraph by a blank line (metadata lines in between are ignored).
 */
function headingText(candidate: Paragraph, next: Paragraph | undefined, lines: string[]): string | null {
  const markdown = MARKDOWN_HEADING.exec(candidate.text)?.[1];
  if (markdown !== undefined) return markdown.trim();
  if (!next || codePointLength(candidate.text) > MAX_HEADING_LENGTH) return null;
  if (/[.:;,]$/u.test(candidate.text)) return null;
  const between = lines.slice(candidate.line + 1, next.line);
  return between.some((line) => line.trim() === "") ? candidate.text : null;
}

/** Index just past the first sentence, skipping the periods of initials such as "U.S.". */
function firstSentenceEnd(paragraph: string): number {
  const sentenceEnd = /[.!?…]["”’»)]*(?=\s|$)/gu;
  for (let match = sentenceEnd.exec(paragraph); match; match = sentenceEnd.exec(paragraph)) {
    const before = paragraph.slice(0, match.index);
    if (match[0].startsWith(".") && /(?:^|[\s.])\p{L}$/u.test(before)) continue;
    return match.index + match[0].length;
  }
  return paragraph.length;
}

/** Title made from the first sentence, cut at a word boundary to ≤ 120 code points with "…". */
export function deriveTitle(paragraph: string): string {
  const sentence = paragraph.slice(0, firstSentenceEnd(paragraph)).trim().replace(/\.$/u, "");
  if (codePointLength(sentence) <= MAX_DERIVED_TITLE_LENGTH) return sentence;
  const room = sliceCodePoints(sentence, 0, MAX_DERIVED_TITLE_LENGTH - 1);
  const lastSpace = room.lastIndexOf(" ");
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:–—-]+$/u, "")}…`;
}

// Letters with Vietnamese diacritics; the "only" set leaves out à, é, ê, ô... that French or
// Portuguese also use, so a French quote does not make a text Vietnamese.
const VI_LETTERS = new Set(Array.from("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"));
const VI_ONLY_LETTERS = new Set(Array.from("ảạăằắẳẵặầấẩẫậđẻẽẹềếểễệỉĩịỏọồốổỗộơờớởỡợủũụưừứửữựỳỷỹỵ"));
const EN_FUNCTION_WORDS = new Set("the a an of to in on and is are was were that for with by from at as it has have said".split(" "));

/** "vi" when Vietnamese diacritics are common, "en" for ASCII text with English function words, else null. */
export function detectLanguage(text: string): "vi" | "en" | null {
  // One pass over the text (a bulk import runs this on every article): ASCII letters by code,
  // others by the Unicode letter class (the Vietnamese letters are all outside ASCII).
  const lower = text.toLowerCase();
  let letters = 0;
  let vietnamese = 0;
  let vietnameseOnly = 0;
  let nonAscii = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 97 && code <= 122) letters += 1;
      continue;
    }
    // A surrogate pair is one code point.
    const next = lower.charCodeAt(i + 1);
    const wide = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const ch = wide ? lower.slice(i, i + 2) : lower[i]!;
    if (wide) i += 1;
    if (!LETTER.test(ch)) continue;
    letters += 1;
    nonAscii += 1;
    if (VI_LETTERS.has(ch)) vietnamese += 1;
    if (VI_ONLY_LETTERS.has(ch)) vietnameseOnly += 1;
  }
  if (letters === 0) return null;
  if (vietnameseOnly > 0 && vietnamese / letters >= 0.05) return "vi";
  if (nonAscii / letters > 0.03) return null;
  const words = lower.match(/\p{L}+/gu) ?? [];
  const functionWords = words.filter((w) => EN_FUNCTION_WORDS.has(w)).length;
  return functionWords > 0 && functionWords / words.length >= 0.05 ? "en" : null;
}
const LETTER = /^\p{L}$/u;

function pushUnique(target: string[], values: string[]): void {
  for (const value of values) {
    if (!target.some((existing) => existing.toLowerCase() === value.toLowerCase())) target.push(value);
  }
}

/** Parses raw article text into title, provenance and body passages (see ParsedArticle). */
export function parseArticle(rawText: string): ParsedArticle {
  const lines = normalizeText(rawText).split("\n");
  const paragraphs = paragraphsOf(lines);
  const kinds = new Map<Paragraph, MetadataKind>();
  let publishedAt: string | null = null;
  let byline: string | null = null;
  let creditPublisher: string | null = null;
  let urlPublisher: string | null = null;
  let url: string | null = null;
  const origins: string[] = [];

  for (const paragraph of paragraphs) {
    const date = parseDateLine(paragraph.text);
    if (date) {
      kinds.set(paragraph, "date");
      publishedAt ??= date;
    }
  }

  const closing = paragraphs.filter((p) => !kinds.has(p)).slice(-CREDIT_WINDOW);
  for (const paragraph of closing) {
    const link = parseUrlLine(paragraph.text);
    if (link) {
      kinds.set(paragraph, "url");
      url ??= link.url;
      urlPublisher ??= link.publisher;
      continue;
    }
    const credit = parseCreditLine(paragraph.text);
    if (credit) {
      kinds.set(paragraph, "credit");
      byline ??= credit.byline;
      creditPublisher ??= credit.publisher;
      pushUnique(origins, credit.origins);
    }
  }

  let body = paragraphs.filter((p) => !kinds.has(p));
  const captions = new Set(body.filter((p) => isPhotoCaption(p.text)));
  // Photos often sit above the story: skip leading captions when looking for the heading,
  // the first sentence and the dateline. A caption itself is never a heading.
  const firstNonCaption = () => body.findIndex((p) => !captions.has(p));
  let title = "";
  let titleFromHeading = false;
  const headingAt = firstNonCaption();
  const candidate = headingAt >= 0 ? body[headingAt] : undefined;
  const heading = candidate ? headingText(candidate, body[headingAt + 1], lines) : null;
  if (candidate && heading !== null) {
    kinds.set(candidate, "title");
    title = heading;
    titleFromHeading = true;
    body = body.filter((_, i) => i !== headingAt);
  }

  // The dateline opens the story's first paragraph only; elsewhere "HÀ NỘI – …" is body text.
  const texts = new Map(body.map((p) => [p, p.text]));
  const datelines: { text: string; line: number }[] = [];
  const leadAt = firstNonCaption();
  const lead = leadAt >= 0 ? body[leadAt] : undefined;
  const dateline = lead ? parseDateline(lead.text) : null;
  if (lead && dateline) {
    texts.set(lead, dateline.rest);
    datelines.push({ text: dateline.dateline, line: lead.line });
    // "MOSCOW (Reuters) - …" names the wire the story came from; a closing credit says it better.
    if (dateline.agency && origins.length === 0) origins.push(dateline.agency);
  }

  if (!titleFromHeading) {
    if (lead) title = deriveTitle(texts.get(lead)!);
    else {
      // Only captions, or only metadata: the first line is all there is to name the article by.
      const first = body[0] ?? paragraphs[0];
      if (first) title = deriveTitle(first.text);
    }
  }

  const bodyPassages = body.map((p) => ({ text: texts.get(p)!, isCaption: captions.has(p) }));
  // One flag per passage, in order.
  const duplicates = flagDuplicatePassages(bodyPassages.map((b) => b.text));
  const publisher = creditPublisher ?? urlPublisher;
  const warnings: string[] = [];
  if (publisher === null && origins.length === 0) warnings.push(NO_PUBLISHER_WARNING);
  if (publishedAt === null) warnings.push(NO_DATE_WARNING);
  const removed = [
    ...paragraphs.filter((p) => kinds.has(p)).map((p) => ({ text: p.text, kind: kinds.get(p)!, line: p.line })),
    ...datelines.map((d) => ({ text: d.text, kind: "dateline" as const, line: d.line })),
  ].sort((a, b) => a.line - b.line);
  return {
    title,
    titleFromHeading,
    publishedAt,
    publisher,
    origins,
    byline,
    url,
    language: detectLanguage(paragraphs.map((p) => p.text).join("\n")),
    passages: bodyPassages.map(({ text, isCaption }, i) => ({ text, isDuplicate: duplicates[i] ?? false, isCaption })),
    metadataLines: removed.map(({ text, kind }) => ({ text, kind })),
    warnings,
  };
}
