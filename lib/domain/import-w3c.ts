// W3C Web Annotation import: an AnnotationCollection (pages embedded), an array of
// Annotations, one Annotation, or JSON Lines of Annotations, as our exporter writes them.
// Each annotation becomes a ClaimDraft that the bulk-import service resolves and writes.
import { z } from "zod";
import {
  importFieldsSchema,
  readJsonLines,
  repeatedName,
  MAX_BULK_LINES,
  type BulkError,
  type ClaimDraft,
  type ArticleRef,
  type SpeakerRef,
  unstorableText,
} from "./import-jsonl";
import { MAX_ACTORS, MAX_NOTE_CHARS, MAX_SPEAKERS, MODALITIES } from "@/lib/validation/schemas";
import { printable } from "@/lib/validation/text-guard";

/**
 * Extension property carrying the claim as stored (see CLAIM_EXTENSION_KEY in
 * lib/domain/export/web-annotation.ts): claimType, modality, speakers, actors, fields, note,
 * orphaned, needsReview, articleId, passagePosition. Optional here: articleTitle, articleUrl,
 * contentHash. Version 1 files name one speaker by speaker/speakerKind/speakerType instead.
 */
export const W3C_CLAIM_KEY = "claimboard:claim";
/** Optional extension naming the article by stable keys ({ title, url, contentHash }), so another workspace can find it. */
export const W3C_ARTICLE_KEY = "claimboard:article";

const SOURCE_ONLY_KINDS = new Set(["OUTLET", "WIRE_AGENCY", "STATE_MEDIA", "GOVERNMENT"]);
const ENTITY_KINDS = new Set(["PERSON", "COUNTRY", "ORGANIZATION", "PLACE", "WEAPON_SYSTEM", "OTHER"]);

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const hasType = (v: Json, type: string) => asArray(v.type).includes(type);

/** Annotations read from a W3C file; `tooMany` is set when the file exceeds the item limit. */
export type W3cRead = { drafts: ClaimDraft[]; errors: BulkError[]; tooMany: number | null };

/** Reads a W3C Web Annotation file into claim drafts; every problem is reported with its item or line. */
export function readWebAnnotations(text: string, maxItems = MAX_BULK_LINES): W3cRead {
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (err) {
    if (text.trim().includes("\n")) return readAnnotationLines(text, maxItems);
    return { drafts: [], errors: [{ line: 1, message: `not valid JSON (${(err as Error).message.slice(0, 120)})` }], tooMany: null };
  }
  const items = collectItems(whole);
  if (!items.ok) return { drafts: [], errors: [{ line: 1, message: items.error }], tooMany: null };
  if (items.items.length > maxItems) return { drafts: [], errors: [], tooMany: items.items.length };
  const drafts: ClaimDraft[] = [];
  const errors: BulkError[] = [];
  items.items.forEach((item, i) => {
    const id = isObject(item) && typeof item.id === "string" ? ` (${printable(item.id)})` : "";
    const bad = unstorableText(`annotation ${i + 1}${id}`, i + 1, item);
    if (bad) {
      errors.push(bad);
      return;
    }
    const r = readAnnotation(i + 1, `annotation ${i + 1}${id}`, item);
    if (r.ok) drafts.push(r.draft);
    else errors.push(...r.errors);
  });
  return { drafts, errors, tooMany: null };
}

function readAnnotationLines(text: string, maxItems: number): W3cRead {
  const { lines, errors, tooMany } = readJsonLines(text, maxItems);
  const drafts: ClaimDraft[] = [];
  for (const { line, value } of lines) {
    const r = readAnnotation(line, `line ${line}`, value);
    if (r.ok) drafts.push(r.draft);
    else errors.push(...r.errors);
  }
  return { drafts, errors, tooMany };
}

function collectItems(whole: unknown): { ok: true; items: unknown[] } | { ok: false; error: string } {
  if (Array.isArray(whole)) return { ok: true, items: whole };
  if (!isObject(whole)) return { ok: false, error: "expected an AnnotationCollection, an array of Annotations or one Annotation" };
  if (hasType(whole, "Annotation")) return { ok: true, items: [whole] };
  if (hasType(whole, "AnnotationPage")) return pageItems(whole);
  if (hasType(whole, "AnnotationCollection")) {
    if (Array.isArray(whole.items)) return { ok: true, items: whole.items };
    if (typeof whole.first === "string") {
      return { ok: false, error: `the collection's pages are linked (first: ${whole.first}), not included; export everything as one file` };
    }
    if (!isObject(whole.first)) return { ok: false, error: "the AnnotationCollection has no embedded first page (first.items)" };
    return pageItems(whole.first);
  }
  return { ok: false, error: `expected type AnnotationCollection, AnnotationPage or Annotation, found ${JSON.stringify(whole.type ?? null)}` };
}

// Embedded pages follow one another through `next`; a page linked by URL cannot be read offline.
function pageItems(first: Json): { ok: true; items: unknown[] } | { ok: false; error: string } {
  const items: unknown[] = [];
  const seen = new Set<Json>();
  for (let page: unknown = first; page !== undefined && page !== null; page = (page as Json).next) {
    if (typeof page === "string") return { ok: false, error: `page ${page} is linked, not included; export everything as one file` };
    if (!isObject(page) || seen.has(page)) break;
    seen.add(page);
    if (!Array.isArray(page.items)) return { ok: false, error: "a page of the collection has no items array" };
    items.push(...page.items);
  }
  return { ok: true, items };
}

const speakerSchema = z.object({
  name: z.string().trim().min(1, "a speaker needs a name").max(200),
  type: z.enum(["entity", "source"]).nullish(),
  kind: z.string().nullish(),
});

const claimExtensionSchema = z.object({
  claimType: z.union([z.string(), z.object({ key: z.string().optional(), label: z.string().optional() })]).optional(),
  modality: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.enum(MODALITIES, { error: `modality must be one of ${MODALITIES.map((m) => m.toLowerCase()).join(", ")}` }))
    .optional(),
  /** In order; `type` says which table the speaker is in, `kind` its EntityKind or SourceKind. */
  speakers: z
    .array(speakerSchema)
    .max(MAX_SPEAKERS, `at most ${MAX_SPEAKERS} speakers`)
    .refine((xs) => !repeatedName(xs.map((x) => x.name)), {
      error: (i) => `“${repeatedName((i.input as { name: string }[]).map((x) => x.name))}” is listed twice`,
    })
    .nullish(),
  // Version 1: one speaker. Ignored when `speakers` is given (a writer may send both for older readers).
  speaker: z.string().trim().min(1).max(200).nullish(),
  speakerKind: z.string().nullish(),
  speakerType: z.enum(["entity", "source"]).nullish(),
  fields: importFieldsSchema.nullish(),
  actors: z.array(z.string().trim().min(1).max(200)).max(MAX_ACTORS).nullish(),
  note: z.string().trim().max(MAX_NOTE_CHARS).nullish(),
  orphaned: z.boolean().nullish(),
  needsReview: z.boolean().nullish(),
  articleId: z.string().nullish(),
  articleTitle: z.string().nullish(),
  articleUrl: z.string().nullish(),
  contentHash: z.string().nullish(),
  passagePosition: z.number().int().min(0).nullish(),
});

const articleExtensionSchema = z.object({
  id: z.string().optional(),
  title: z.string().optional(),
  url: z.string().nullish(),
  contentHash: z.string().optional(),
  passage: z.number().int().min(0).optional(),
});

const quoteSchema = z.object({ exact: z.string().min(1), prefix: z.string().optional(), suffix: z.string().optional() });
const positionSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(1) });

const ARTICLE_PATH = /\/articles\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)/i;
const PASSAGE_FRAGMENT = /^#?p-?(\d+)$/i;

/** Selectors of a target, with refinedBy chains flattened. */
function selectorsOf(target: Json): Json[] {
  const out: Json[] = [];
  const walk = (s: unknown) => {
    for (const sel of asArray(s)) {
      if (!isObject(sel)) continue;
      out.push(sel);
      walk(sel.refinedBy);
    }
  };
  walk(target.selector);
  return out;
}

// The exporter gives the speaker's type and its EntityKind or SourceKind. Without a type, kinds
// only sources have make a source, the rest an entity (PERSON and OTHER exist in both; an entity
// is the likelier speaker).
function speakerOf(name: string, type: "entity" | "source" | null | undefined, kind: string | null | undefined): SpeakerRef {
  const detail = kind?.toUpperCase() || undefined;
  const table = type ?? (detail && SOURCE_ONLY_KINDS.has(detail) ? "source" : detail && ENTITY_KINDS.has(detail) ? "entity" : undefined);
  return { name, kind: table, detailKind: detail };
}

function speakersOf(claim: z.output<typeof claimExtensionSchema>): SpeakerRef[] {
  if (claim.speakers) return claim.speakers.map((s) => speakerOf(s.name, s.type, s.kind));
  return claim.speaker ? [speakerOf(claim.speaker, claim.speakerType, claim.speakerKind)] : [];
}

type Read = { ok: true; draft: ClaimDraft } | { ok: false; errors: BulkError[] };

/** One W3C Annotation → a claim draft (offsets in code points), or the reasons it cannot be read. */
export function readAnnotation(line: number, where: string, raw: unknown): Read {
  const fail = (...messages: string[]): Read => ({ ok: false, errors: messages.map((m) => ({ line, message: `${where}: ${m}` })) });
  if (!isObject(raw)) return fail("expected an Annotation object");
  if (!hasType(raw, "Annotation")) return fail(`not a W3C Annotation (type is ${JSON.stringify(raw.type ?? null)})`);

  const target = asArray(raw.target).find((t): t is Json => isObject(t) && (typeof t.source === "string" || t.selector !== undefined));
  if (!target) return fail("the target has no source and selector, so the text it marks is unknown");
  const source = typeof target.source === "string" ? target.source : "";
  const selectors = selectorsOf(target);
  const quoteSel = selectors.find((s) => hasType(s, "TextQuoteSelector"));
  const positionSel = selectors.find((s) => hasType(s, "TextPositionSelector"));
  const fragmentSel = selectors.find((s) => hasType(s, "FragmentSelector"));
  const quote = quoteSel ? quoteSchema.safeParse(quoteSel) : null;
  const position = positionSel ? positionSchema.safeParse(positionSel) : null;
  const problems: string[] = [];
  if (quote && !quote.success) problems.push("the TextQuoteSelector needs a non-empty exact quote");
  if (position && !position.success) problems.push("the TextPositionSelector needs whole-number start ≥ 0 and end ≥ 1");
  if (!quote?.success && !position?.success) problems.push("the target has neither a TextQuoteSelector nor a TextPositionSelector");

  const ext = raw[W3C_CLAIM_KEY] === undefined ? null : claimExtensionSchema.safeParse(raw[W3C_CLAIM_KEY]);
  if (ext && !ext.success) {
    for (const issue of ext.error.issues) problems.push(`${W3C_CLAIM_KEY}.${issue.path.join(".")}: ${issue.message}`);
  }
  const rawArticle = raw[W3C_ARTICLE_KEY] ?? target[W3C_ARTICLE_KEY];
  const art = rawArticle === undefined ? null : articleExtensionSchema.safeParse(rawArticle);
  if (art && !art.success) problems.push(`${W3C_ARTICLE_KEY} must be an object with title, url and contentHash`);

  const claim = ext?.success ? ext.data : undefined;
  const bodies = asArray(raw.body).filter(isObject);
  const purposeOf = (b: Json) => asArray(b.purpose);
  const tag = bodies.find((b) => purposeOf(b).includes("tagging") && typeof b.value === "string");
  const claimTypeFromExt = typeof claim?.claimType === "string" ? claim.claimType : (claim?.claimType?.key ?? claim?.claimType?.label);
  const claimType = (typeof tag?.value === "string" ? tag.value : undefined) ?? claimTypeFromExt;
  if (!claimType?.trim()) problems.push('no claim type: add a TextualBody with purpose "tagging" whose value is the claim type');
  // Without our extension, the human-readable bodies still carry modality and note.
  const bodyText = (purpose: string) => bodies.find((b) => purposeOf(b).includes(purpose) && typeof b.value === "string")?.value as string | undefined;
  const bodyModality = MODALITIES.find((m) => m === bodyText("classifying")?.trim().toUpperCase());

  const hashAt = source.indexOf("#");
  const fragment = hashAt >= 0 ? source.slice(hashAt) : typeof fragmentSel?.value === "string" ? fragmentSel.value : "";
  const passageMatch = PASSAGE_FRAGMENT.exec(fragment);
  const passage = passageMatch ? Number(passageMatch[1]) : (claim?.passagePosition ?? (art?.success ? art.data.passage : undefined) ?? null);
  // Without a paragraph number the quote alone can still find the paragraph.
  if (passage === null && !quote?.success) problems.push("cannot tell which paragraph is marked: the target source should end in #p-<position>");

  const a = art?.success ? art.data : undefined;
  const article: ArticleRef = {
    id: ARTICLE_PATH.exec(source)?.[1]?.toLowerCase() ?? claim?.articleId ?? a?.id,
    contentHash: a?.contentHash ?? claim?.contentHash ?? undefined,
    url: a?.url ?? claim?.articleUrl ?? undefined,
    title: a?.title ?? claim?.articleTitle ?? undefined,
  };
  if (!article.id && !article.contentHash && !article.url && !article.title && !quote?.success) {
    problems.push("cannot tell which article is marked: no article link in the target source and no quote to look for");
  }
  if (problems.length) return fail(...problems);

  const q = quote?.success ? quote.data : undefined;
  const p = position?.success ? position.data : undefined;
  return {
    ok: true,
    draft: {
      line,
      where,
      article,
      articleMatch: "first",
      passage,
      start: p?.start ?? null,
      end: p?.end ?? null,
      exact: q?.exact.normalize("NFC"),
      prefix: q?.prefix?.normalize("NFC"),
      suffix: q?.suffix?.normalize("NFC"),
      claimType: claimType!.trim(),
      modality: claim?.modality ?? bodyModality ?? "ASSERTED",
      speakers: claim ? speakersOf(claim) : [],
      fields: claim?.fields ?? {},
      actors: claim?.actors ?? [],
      note: (claim ? claim.note : bodyText("describing")?.trim().slice(0, MAX_NOTE_CHARS)) || undefined,
      orphaned: claim?.orphaned ?? undefined,
      needsReview: claim?.needsReview ?? undefined,
    },
  };
}
