// Text normalisation and offset conversion. Stored offsets count Unicode code points
// (like the W3C TextPositionSelector and PostgreSQL); the browser works in UTF-16 code
// units, so every conversion between the two goes through this module.

const BOM = "\uFEFF";

/** Strips a leading BOM, turns CRLF/CR into LF and applies NFC; result is what passages store. */
export function normalizeText(raw: string): string {
  const withoutBom = raw.startsWith(BOM) ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, "\n").normalize("NFC");
}

/** Collapses every whitespace run to one space, trims and applies NFC; used for comparing paragraphs. */
export function foldWhitespace(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when a surrogate pair starts at UTF-16 index i. */
function pairAt(text: string, i: number): boolean {
  return i + 1 < text.length && isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1));
}

function assertIndex(name: string, value: number, max: number, unit: string): void {
  if (!Number.isInteger(value)) {
    throw new RangeError(`${name} ${value} is not a whole number`);
  }
  if (value < 0 || value > max) {
    throw new RangeError(`${name} ${value} is outside 0–${max} (${unit})`);
  }
}

/** Length of s in code points (an emoji is 1; a lone surrogate counts as 1). */
export function codePointLength(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i += pairAt(s, i) ? 2 : 1) count++;
  return count;
}

/**
 * Converts a UTF-16 offset into a code point offset. An offset that falls between the two
 * halves of a surrogate pair rounds down to the start of the pair, so a caret placed
 * "inside" an emoji never splits it. Throws RangeError outside 0..text.length.
 */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  assertIndex("UTF-16 offset", utf16Offset, text.length, "UTF-16 code units");
  let count = 0;
  let i = 0;
  while (i < utf16Offset) {
    const step = pairAt(text, i) ? 2 : 1;
    if (i + step > utf16Offset) break;
    i += step;
    count++;
  }
  return count;
}

/** Converts a code point offset into a UTF-16 offset; throws RangeError outside 0..codePointLength(text). */
export function codePointToUtf16(text: string, cpOffset: number): number {
  if (!Number.isInteger(cpOffset)) {
    throw new RangeError(`code point offset ${cpOffset} is not a whole number`);
  }
  let i = 0;
  let count = 0;
  while (count < cpOffset && i < text.length) {
    i += pairAt(text, i) ? 2 : 1;
    count++;
  }
  if (cpOffset < 0 || count < cpOffset) {
    throw new RangeError(`code point offset ${cpOffset} is outside 0–${codePointLength(text)} (code points)`);
  }
  return i;
}

/** Substring between code point offsets start (inclusive) and end (exclusive); throws RangeError when out of range. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  if (end < start) throw new RangeError(`start ${start} is after end ${end}`);
  const from = codePointToUtf16(text, start);
  const to = codePointToUtf16(text, end);
  return text.slice(from, to);
}

/** Splits normalized text into paragraphs: every non-blank line, trimmed. */
export function splitPassages(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Flags each paragraph that repeats an earlier one after whitespace folding; the first occurrence is false. */
export function flagDuplicatePassages(passages: string[]): boolean[] {
  const seen = new Set<string>();
  return passages.map((passage) => {
    const key = foldWhitespace(passage);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}
