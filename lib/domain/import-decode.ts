// Turns an uploaded file into normalized article text, or a message the user can act on.
import { normalizeText } from "./text";
import type { Locale } from "@/lib/i18n/locales";

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

const ALLOWED_EXTENSIONS = [".txt", ".md"];
const MB = 1024 * 1024;
const KB = 1024;

/**
 * Human size; rounds up so a file just over the limit never reads as equal to it. Without a
 * locale it is the English the API's messages use ("5.1 MB"); with one, the number is written
 * the locale's way ("5,1 MB" and "byte" in Vietnamese).
 */
export function formatBytes(bytes: number, roundUp = false, locale?: Locale): string {
  const number = (value: number) => (locale ? new Intl.NumberFormat(locale).format(value) : String(value));
  const round = (value: number) => number((roundUp ? Math.ceil(value * 10) : Math.round(value * 10)) / 10);
  if (bytes >= MB) return `${round(bytes / MB)} MB`;
  if (bytes >= KB) return `${round(bytes / KB)} KB`;
  return `${number(bytes)} ${locale === "vi" ? "byte" : "bytes"}`;
}

/** Byte length of a well-formed UTF-8 sequence led by `lead`, or 0 for an impossible lead byte. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Byte offset where the first ill-formed UTF-8 sequence starts (where a decoder would emit
 * U+FFFD), or -1 when the bytes are valid. Rejects overlongs, surrogates and values past U+10FFFF.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!; // i < bytes.length
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range depends on the lead (Unicode Table 3-7).
    const second = bytes[i + 1];
    let low = 0x80;
    let high = 0xbf;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
    else if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
    // A missing continuation byte (cannot happen after the length check above) is ill-formed too.
    if (length > 1 && (second === undefined || second < low || second > high)) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

function hasAllowedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ALLOWED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function isUtf16ByteOrderMark(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Decodes an uploaded .txt/.md file (size limit in bytes) as UTF-8 and normalizes it; errors name the file (@phrasebook: the import form says them in the interface language). */
export function decodeUpload(name: string, bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (!hasAllowedExtension(name)) {
    return { ok: false, error: `${name}: only .txt and .md files can be imported` };
  }
  if (bytes.length === 0) return { ok: false, error: `${name} is empty` };
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      error: `${name} is ${formatBytes(bytes.length, true)}; the limit is ${formatBytes(maxBytes)}`,
    };
  }
  // UTF-16 files are full of NUL bytes, but the fix the user needs differs from a binary file's.
  if (isUtf16ByteOrderMark(bytes)) {
    return { ok: false, error: `${name} is UTF-16 text; save it as UTF-8 and import it again` };
  }
  if (bytes.includes(0)) {
    return { ok: false, error: `${name} looks like a binary file, not text` };
  }
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8Offset(bytes));
    return {
      ok: false,
      error: `${name} is not valid UTF-8 text (first bad byte at offset ${offset})`,
    };
  }
  const text = normalizeText(decoded);
  if (text.trim().length === 0) return { ok: false, error: `${name} is empty` };
  return { ok: true, text };
}
