// Bulk import files: JSON Lines of articles or of claims. Everything here is pure; the
// service (lib/server/bulk-import.ts) resolves names against the workspace and writes.
// A file is all-or-nothing, so every function collects every problem instead of stopping.
import { z } from "zod";
import { checkSelector, reanchor, type ReanchorMethod } from "./anchoring";
import { foldForMatch } from "./claim-types";
import { formatBytes, firstInvalidUtf8Offset } from "./import-decode";
import { parseArticle, type ParsedArticle } from "./import-metadata";
import {
  importArticleSchema,
  MAX_ACTORS,
  MAX_NOTE_CHARS,
  MAX_QUANTITY_ITEMS,
  MAX_SPEAKERS,
  MAX_UPLOAD_BYTES,
  MODALITIES,
  type ModalityValue,
} from "@/lib/validation/schemas";
import { findTextProblem, TEXT_PROBLEMS } from "@/lib/validation/text-guard";

export const MAX_BULK_BYTES = MAX_UPLOAD_BYTES;
export const MAX_BULK_LINES = 5000;
/** Problems shown in full; the rest are counted ("and N more"). */
export const MAX_REPORTED_ERRORS = 100;
export const BULK_EXTENSIONS = [".jsonl", ".ndjson", ".json", ".jsonld"] as const;

/** One problem, located by line (JSONL) or item number (a JSON array); `message` includes the location. */
export type BulkError = { line: number; message: string };

export type ErrorReport = { errors: string[]; more: number };

/** Sorted by line, at most MAX_REPORTED_ERRORS messages, and how many were left out. */
export function reportErrors(errors: BulkError[], max = MAX_REPORTED_ERRORS): ErrorReport {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return { errors: sorted.slice(0, max).map((e) => e.message), more: Math.max(0, sorted.length - max) };
}

export type DecodedFile = { ok: true; text: string } | { ok: false; error: string };

/** Decodes a bulk file (size limit in bytes) as UTF-8 without normalizing it; errors name the file. */
export function decodeBulkFile(name: string, bytes: Uint8Array, maxBytes = MAX_BULK_BYTES): DecodedFile {
  if (bytes.length === 0) return { ok: false, error: `${name} is empty` };
  if (bytes.length > maxBytes) {
    return { ok: false, error: `${name} is ${formatBytes(bytes.length, true)}; the limit is ${formatBytes(maxBytes)}` };
  }
  if (bytes.includes(0)) return { ok: false, error: `${name} is not UTF-8 text (it contains NUL bytes; UTF-16 files must be saved as UTF-8)` };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.trim() === "") return { ok: false, error: `${name} is empty` };
    return { ok: true, text: text.replace(/^\uFEFF/, "") };
  } catch {
    return { ok: false, error: `${name} is not valid UTF-8 text (first bad byte at offset ${Math.max(0, firstInvalidUtf8Offset(bytes))})` };
  }
}

export type JsonLine = { line: number; value: Record<string, unknown> };

function shortenMessage(message: string, max = 120): string {
  const oneLine = message.replace(/\s+/g, " ").trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/**
 * Parses JSON Lines: one object per non-blank line, line numbers 1-based as an editor shows
 * them. Lines over the limit are a file-level error, returned as `tooMany`.
 */
export function readJsonLines(text: string, maxLines = MAX_BULK_LINES): { lines: JsonLine[]; errors: BulkError[]; tooMany: number | null } {
  const raw = text.split(/\r\n|\r|\n/);
  const nonBlank = raw.filter((l) => l.trim() !== "").length;
  if (nonBlank > maxLines) return { lines: [], errors: [], tooMany: nonBlank };
  const lines: JsonLine[] = [];
  const errors: BulkError[] = [];
  raw.forEach((source, i) => {
    const line = i + 1;
    if (source.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (err) {
      errors.push({ line, message: `line ${line}: not valid JSON (${shortenMessage((err as Error).message)})` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      errors.push({
        line,
        message: `line ${line}: expected one JSON object per line, found ${typeof value === "number" || typeof value === "boolean" ? `the ${typeof value} ${value}` : describeJson(value)}`,
      });
      return;
    }
    const bad = unstorableText(`line ${line}`, line, value);
    if (bad) {
      errors.push(bad);
      return;
    }
    lines.push({ line, value: value as Record<string, unknown> });
  });
  return { lines, errors, tooMany: null };
}

/**
 * A string in a parsed line or item that cannot be stored: JSON escapes can spell a NUL (\u0000)
 * or a lone surrogate (\ud83d) that valid UTF-8 bytes cannot, so decoding alone does not catch them.
 */
export function unstorableText(where: string, line: number, value: unknown): BulkError | null {
  const found = findTextProblem(value);
  if (!found) return null;
  const field = found.path.length ? `"${found.path.join(".")}" ` : "";
  return { line, message: `${where}: ${field}${TEXT_PROBLEMS[found.problem]}` };
}

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}

const withArticle = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Zod issues as "line N: …" messages that name the field, including unknown ones. */
export function describeIssues(where: string, line: number, error: z.ZodError, raw: unknown, allowed?: readonly string[]): BulkError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    let text: string;
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => `"${path ? `${path}.` : ""}${k}"`).join(", ");
      const hint = !path && allowed ? ` (allowed: ${allowed.join(", ")})` : "";
      text = `unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}${hint}`;
    } else if (issue.code === "invalid_type" && valueAt(raw, issue.path) === undefined) {
      text = `missing required field "${path}"`;
    } else if (issue.code === "invalid_type") {
      text = `"${path}" must be ${issue.expected === "int" ? "a whole number" : withArticle(issue.expected)}, not ${describeJson(valueAt(raw, issue.path))}`;
    } else {
      text = path ? `"${path}": ${issue.message}` : issue.message;
    }
    return { line, message: `${where}: ${text}` };
  });
}

// ── Articles ─────────────────────────────────────────────────────────────────────────────

const article = importArticleSchema.shape;

/**
 * One article per line. A metadata field left out is detected from the text, as the import
 * wizard does; `null` means "none" and turns detection off for that field.
 */
export const jsonlArticleSchema = z
  .object({
    text: article.text,
    title: article.title.nullish(),
    publishedAt: article.publishedAt.nullable(),
    publisher: article.publisher.nullable(),
    origins: z.array(z.string().trim().min(1, "an origin is empty").max(200, "Origin can be at most 200 characters")).max(20, "At most 20 origins").nullish(),
    byline: article.byline.nullable(),
    url: article.url.nullable(),
    language: article.language.nullable(),
  })
  .strict();

export const ARTICLE_FIELDS = Object.keys(jsonlArticleSchema.shape);

export type ArticlePlan = {
  line: number;
  input: z.output<typeof importArticleSchema>;
  parsed: ParsedArticle;
};

/**
 * Metadata as given, with every field left out (undefined) filled from what was detected in the
 * text; null means "none" and keeps detection off for that field.
 */
export function withDetected(r: z.output<typeof jsonlArticleSchema>, parsed: ParsedArticle) {
  const pick = <T>(given: T | null | undefined, detected: T | null): T | undefined => (given === undefined ? (detected ?? undefined) : (given ?? undefined));
  return {
    text: r.text,
    title: r.title ?? parsed.title,
    publishedAt: pick(r.publishedAt, parsed.publishedAt),
    publisher: pick(r.publisher, parsed.publisher),
    origins: r.origins === undefined ? parsed.origins : (r.origins ?? []),
    byline: pick(r.byline, parsed.byline),
    url: pick(r.url, parsed.url),
    language: pick(r.language, parsed.language),
  };
}

/** Validates one article line and fills missing metadata from the text; errors say the line. */
export function planArticle(line: number, raw: unknown): { ok: true; plan: ArticlePlan } | { ok: false; errors: BulkError[] } {
  const where = `line ${line}`;
  const row = jsonlArticleSchema.safeParse(raw);
  if (!row.success) return { ok: false, errors: describeIssues(where, line, row.error, raw, ARTICLE_FIELDS) };
  const r = row.data;
  const parsed = parseArticle(r.text);
  if (parsed.passages.length === 0) {
    return { ok: false, errors: [{ line, message: `${where}: the text has no body paragraphs (only a title or metadata lines); nothing to import` }] };
  }
  const merged = withDetected(r, parsed);
  const input = importArticleSchema.safeParse(merged);
  if (!input.success) return { ok: false, errors: describeIssues(where, line, input.error, merged) };
  return { ok: true, plan: { line, input: input.data, parsed } };
}

// ── Claims ───────────────────────────────────────────────────────────────────────────────

const modality = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.enum(MODALITIES, { error: `must be one of ${MODALITIES.map((m) => m.toLowerCase()).join(", ")}` }));

const nfc = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can be at most ${max} characters`)
    .transform((s) => s.normalize("NFC"));

const text = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters`);

/** A claim's fields as the server stores them (claimFieldsSchema's shape), before it parses the date. */
export type DraftFields = { date?: string; quantities?: { value: string; item?: string }[]; item?: string };

const quantityItemSchema = z
  .object({ value: text(100, "Quantity").min(1, "Write the count, e.g. 5, 1.000, năm or five"), item: text(200, "Item").nullish() })
  .strict();

/**
 * `fields` of an imported claim (JSONL line or W3C extension). Wider than claimFieldsSchema, so
 * files written by older and current exports load: `quantity` (one string, before counts became
 * a list) becomes one quantity item; `dateValue`/`datePrecision` (what the export writes next to
 * the date) are accepted and dropped, since the server parses the date again. null and ""
 * mean absent, as the JSONL export writes them. Unknown keys are still refused.
 */
export const importFieldsSchema = z
  .object({
    date: text(100, "Date").nullish(),
    dateValue: z.string().nullish(),
    datePrecision: z.string().nullish(),
    quantities: z.array(quantityItemSchema).max(MAX_QUANTITY_ITEMS, `At most ${MAX_QUANTITY_ITEMS} quantity items`).nullish(),
    quantity: text(100, "Quantity").nullish(),
    item: text(200, "Item").nullish(),
  })
  .strict()
  .refine((f) => !(f.quantities != null && f.quantity != null), 'give either "quantities" or the older "quantity", not both')
  .transform((f): DraftFields => {
    const quantities = f.quantities?.map((q) => ({ value: q.value, ...(q.item ? { item: q.item } : {}) })) ?? (f.quantity ? [{ value: f.quantity }] : []);
    return { ...(f.date ? { date: f.date } : {}), ...(quantities.length ? { quantities } : {}), ...(f.item ? { item: f.item } : {}) };
  });

/** The first name given twice (compared as the server matches names: ignoring case and diacritics). */
export function repeatedName(names: string[]): string | undefined {
  const seen = new Set<string>();
  for (const n of names) {
    const key = foldForMatch(n);
    if (seen.has(key)) return n;
    seen.add(key);
  }
  return undefined;
}

/**
 * One claim per line; offsets are code points into the NFC text of passage `passage` (0-based).
 * Say the article by articleId, articleUrl and/or articleTitle (all given must match). Optional:
 * exact/prefix/suffix (re-anchor when offsets moved), modality (default asserted), speakers
 * (names of entities or sources, in order), fields { date, quantities: [{ value, item }], item },
 * actors (names, matched to entity aliases), note. Files from before several speakers may give
 * one `speaker` name instead of `speakers`.
 */
export const jsonlClaimSchema = z
  .object({
    articleId: z.string().uuid("must be an article id (a UUID)").optional(),
    articleUrl: z.string().trim().min(1).max(2000).optional(),
    articleTitle: z.string().trim().min(1).max(300).optional(),
    passage: z.number().int().min(0, "must be 0 or more (0 is the first paragraph)"),
    start: z.number().int().min(0, "must be 0 or more"),
    end: z.number().int().min(1, "must be 1 or more"),
    exact: nfc(20_000, "exact").optional(),
    prefix: nfc(2_000, "prefix").optional(),
    suffix: nfc(2_000, "suffix").optional(),
    claimType: z.string().trim().min(1, "is empty").max(100),
    modality: modality.optional(),
    speakers: z
      .array(z.string().trim().min(1, "a speaker is empty").max(200))
      .max(MAX_SPEAKERS, `At most ${MAX_SPEAKERS} speakers`)
      .refine((xs) => !repeatedName(xs), { error: (i) => `“${repeatedName(i.input as string[])}” is listed twice` })
      .optional(),
    speaker: z.string().trim().min(1, "is empty").max(200).optional(),
    fields: importFieldsSchema.optional(),
    actors: z.array(z.string().trim().min(1, "an actor is empty").max(200)).max(MAX_ACTORS, `At most ${MAX_ACTORS} actors`).optional(),
    note: z.string().trim().max(MAX_NOTE_CHARS, `Note can be at most ${MAX_NOTE_CHARS} characters`).optional(),
  })
  .strict()
  .refine((c) => c.articleId || c.articleUrl || c.articleTitle, "say which article: give articleId, articleUrl or articleTitle")
  .refine((c) => !(c.speakers && c.speaker !== undefined), 'give either "speakers" (a list of names) or the older "speaker" (one name), not both');

/** Fields accepted only so that files written before the current format still load. */
const LEGACY_CLAIM_FIELDS: readonly string[] = ["speaker"];
/** The claim line's fields, as shown to users ("allowed: …"); the legacy ones are left out. */
export const CLAIM_FIELDS = Object.keys(jsonlClaimSchema.shape).filter((k) => !LEGACY_CLAIM_FIELDS.includes(k));

/** How an imported claim names its article: by id, content hash, URL or title. */
export type ArticleRef = { id?: string; contentHash?: string; url?: string; title?: string };

/** A speaker by name; `kind` says which table a missing one is created in, `detailKind` its EntityKind or SourceKind. */
export type SpeakerRef = { name: string; kind?: "entity" | "source"; detailKind?: string };

/** A claim read from any bulk format, before it is resolved against the workspace. */
export type ClaimDraft = {
  line: number;
  /** "line 4" or "annotation 2 (urn:…)": prefixes every message about this claim. */
  where: string;
  article: ArticleRef;
  /** "all": every given key must match (JSONL); "first": the first key that matches one article wins (W3C). */
  articleMatch: "all" | "first";
  passage: number | null;
  start: number | null;
  end: number | null;
  exact?: string;
  prefix?: string;
  suffix?: string;
  claimType: string;
  modality: ModalityValue;
  /** Who says it, in order; empty when nobody is named. */
  speakers: SpeakerRef[];
  fields: DraftFields;
  /** Actor names; the server matches them to entities by alias, the rest stay free text. */
  actors: string[];
  note?: string;
  /** Exported as orphaned: if its quote is not in the paragraph, import it orphaned rather than refuse the file. */
  orphaned?: boolean;
  /** Exported while waiting for a person to confirm its re-anchoring: it keeps waiting here. */
  needsReview?: boolean;
};

/** Validates one claim line into a ClaimDraft; errors say the line and the field. */
export function readClaimLine(line: number, raw: unknown): { ok: true; draft: ClaimDraft } | { ok: false; errors: BulkError[] } {
  const where = `line ${line}`;
  const row = jsonlClaimSchema.safeParse(raw);
  if (!row.success) return { ok: false, errors: describeIssues(where, line, row.error, raw, CLAIM_FIELDS) };
  const r = row.data;
  return {
    ok: true,
    draft: {
      line,
      where,
      article: { id: r.articleId, url: r.articleUrl, title: r.articleTitle },
      articleMatch: "all",
      passage: r.passage,
      start: r.start,
      end: r.end,
      exact: r.exact,
      prefix: r.prefix,
      suffix: r.suffix,
      claimType: r.claimType,
      modality: r.modality ?? "ASSERTED",
      speakers: (r.speakers ?? (r.speaker !== undefined ? [r.speaker] : [])).map((n) => ({ name: n })),
      fields: r.fields ?? {},
      actors: r.actors ?? [],
      note: r.note || undefined,
    },
  };
}

/** An article of the workspace, as far as matching a claim's article reference needs. */
export type ArticleCandidate = { id: string; title: string; url: string | null; contentHash: string };

/**
 * The article a draft names among `articles`: its id, or `{ error }`, or `{ searchQuote }` when
 * only its quote can find it (W3C drafts, whose ids belong to another workspace).
 */
export function findArticle(d: ClaimDraft, articles: ArticleCandidate[]): string | { error: string; searchQuote?: false } | { searchQuote: true } {
  const a = d.article;
  const keys = [
    ["id", a.id, (r: ArticleCandidate) => r.id === a.id],
    ["content hash", a.contentHash, (r: ArticleCandidate) => r.contentHash === a.contentHash],
    ["URL", a.url, (r: ArticleCandidate) => r.url === a.url],
    ["title", a.title, (r: ArticleCandidate) => r.title === a.title],
  ] as const;
  if (d.articleMatch === "all") {
    let candidates = articles;
    for (const [label, value, test] of keys) {
      if (value === undefined) continue;
      candidates = candidates.filter(test);
      if (candidates.length === 0)
        return { error: `no article with ${label} “${value}” in this workspace${label === "title" ? " (titles must match exactly)" : ""}` };
    }
    if (candidates.length > 1) return { error: `${candidates.length} articles match; give articleId to say which` };
    const [only] = candidates;
    // Only reachable when the draft names no key at all (the claim schema requires one) and the workspace has no article.
    if (!only) return { error: "say which article: give articleId, articleUrl or articleTitle" };
    return only.id;
  }
  // W3C: ids differ between workspaces, so each key in turn is a fallback for the one before.
  let ambiguous = false;
  for (const [, value, test] of keys) {
    if (value === undefined) continue;
    const [first, ...others] = articles.filter(test);
    if (first && others.length === 0) return first.id;
    if (others.length > 0) ambiguous = true;
  }
  if (d.exact) return { searchQuote: true };
  const tried = keys
    .filter(([, v]) => v !== undefined)
    .map(([label, v]) => `${label} “${v}”`)
    .join(", ");
  return { error: ambiguous ? `several articles match ${tried}` : `no article in this workspace matches ${tried}; import the article first` };
}

export type JsonlKind = "articles" | "claims" | "web-annotations";

/** What a JSONL file holds, judged from its first object: "text" → articles, a W3C target → web annotations, else claims. */
export function detectJsonlKind(first: Record<string, unknown>): JsonlKind | null {
  if ("target" in first || first.type === "Annotation" || (Array.isArray(first.type) && first.type.includes("Annotation"))) return "web-annotations";
  if ("text" in first) return "articles";
  if ("passage" in first || "claimType" in first || "start" in first) return "claims";
  return null;
}

export type SpanResult = { ok: true; start: number; end: number; method: ReanchorMethod } | { ok: false; reason: string };

/**
 * Where a claim lands in passage text (code points): at start–end when they are in range and
 * match `exact`; else re-anchored from exact/prefix/suffix (same quote elsewhere, then fuzzy).
 * An uncertain re-anchoring (needs_review) is refused with its reason rather than imported as
 * if it were sure: the person importing can fix the offsets, and nothing is counted wrongly.
 */
export function locateSpan(text: string, d: { start: number | null; end: number | null; exact?: string; prefix?: string; suffix?: string }): SpanResult {
  let reason = "no start/end given";
  if (d.start !== null && d.end !== null) {
    const check = checkSelector(text, { start: d.start, end: d.end, exact: d.exact });
    if (check.ok) return { ok: true, start: d.start, end: d.end, method: "exact" };
    reason = check.reason;
  }
  if (!d.exact) return { ok: false, reason };
  const found = reanchor(text, { start: d.start ?? 0, end: d.end ?? 0, exact: d.exact, prefix: d.prefix ?? "", suffix: d.suffix ?? "" });
  if (found.outcome === "exact" || found.outcome === "moved" || found.outcome === "fuzzy")
    return { ok: true, start: found.start, end: found.end, method: found.outcome };
  if (found.outcome === "needs_review")
    return { ok: false, reason: `${reason}, and the quote was found elsewhere only uncertainly (${found.reason}); correct start and end` };
  return { ok: false, reason: `${reason}, and the quote was not found elsewhere in the passage` };
}

/** The claim type whose key or label matches `name`, ignoring case, diacritics and _ vs space. */
export function matchClaimType<T extends { key: string; label: string }>(types: T[], name: string): T | undefined {
  const fold = (s: string) => foldForMatch(s.replace(/[_/]+/g, " ")).replace(/\s+/g, " ");
  const wanted = fold(name);
  return types.find((t) => t.key === name) ?? types.find((t) => fold(t.key) === wanted || fold(t.label) === wanted);
}
