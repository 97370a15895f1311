// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) serialisation of
// claim mentions, as JSON-LD, one annotation per mention, plus a streamable collection.
//
// The target is the passage, not the whole article: `target.source` is the article page with a
// `#p-<position>` fragment, and the TextPositionSelector's start/end count Unicode code points
// into that passage's NFC text (as the model's TextPositionSelector and our storage do). The
// TextQuoteSelector carries exact/prefix/suffix so a consumer can re-anchor if the text moved.
import { quantityTexts } from "./quantity-text";
import type { ExportFields, ExportMention, ExportSpeaker, ExportStance } from "./records";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/**
 * Extension key carrying the claim exactly as stored, so an import can restore claim type,
 * modality, speakers, actors and fields without parsing the human-readable bodies. It is not
 * mapped in @context: JSON-LD processors drop it, plain-JSON readers (our importer) keep it.
 * Version 2 lists `speakers`; version 1 had one `speaker`/`speakerKind`/`speakerType` and a
 * `fields.quantity` string, which the importer still reads.
 */
export const CLAIM_EXTENSION_KEY = "claimboard:claim";

/** `workspaceId`, when given, makes annotation IRIs resolve to the REST API's claim resource. */
export type WebAnnotationOptions = { baseUrl: string; workspaceSlug: string; workspaceId?: string };

export type ClaimExtension = {
  version: 2;
  articleId: string;
  passageId: string;
  passagePosition: number;
  claimType: string;
  modality: string;
  /** In order; `kind` is the EntityKind or SourceKind, so an import can create a missing speaker in the right table. */
  speakers: ExportSpeaker[];
  articleTitle: string;
  articleUrl: string | null;
  contentHash: string | null;
  actors: string[];
  fields: ExportFields;
  note: string | null;
  status: string;
  /** A text correction removed the quoted words; offsets and quote are the stored ones. */
  orphaned: boolean;
  /** An uncertain re-anchoring waits for a person; an import keeps it waiting. */
  needsReview: boolean;
  propositions: { id: string; statement: string; stance: ExportStance }[];
};

type TextualBody = { type: "TextualBody"; purpose: string; value: string };
type LinkBody = { type: "SpecificResource"; purpose: "linking"; source: string };

export type WebAnnotation = {
  "@context"?: string;
  id: string;
  type: "Annotation";
  motivation: "classifying";
  created: string;
  modified: string;
  creator: { type: "Person"; name: string };
  body: (TextualBody | LinkBody)[];
  target: {
    source: string;
    selector: [{ type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string }, { type: "TextPositionSelector"; start: number; end: number }];
  };
  [CLAIM_EXTENSION_KEY]: ClaimExtension;
};

const trimSlash = (url: string) => url.replace(/\/+$/, "");
const seg = encodeURIComponent;

/** The annotation's IRI: the API's claim URL (`/api/v1/workspaces/{ws}/annotations/{id}`) when the workspace is known. */
export function annotationIri(baseUrl: string, annotationId: string, workspaceId?: string): string {
  const scope = workspaceId ? `/workspaces/${seg(workspaceId)}` : "";
  return `${trimSlash(baseUrl)}/api/v1${scope}/annotations/${seg(annotationId)}`;
}

/** The passage the annotation targets: the article page with a `#p-<position>` fragment. */
export function passageIri(m: ExportMention, o: WebAnnotationOptions): string {
  return `${trimSlash(o.baseUrl)}/w/${seg(o.workspaceSlug)}/articles/${seg(m.articleId)}#p-${m.passagePosition}`;
}

function bodies(m: ExportMention, o: WebAnnotationOptions): (TextualBody | LinkBody)[] {
  const text = (purpose: string, value: string): TextualBody => ({ type: "TextualBody", purpose, value });
  const out: (TextualBody | LinkBody)[] = [text("tagging", m.claimType), text("classifying", m.modality)];
  if (m.note) out.push(text("describing", m.note));
  // For people reading the annotation in another tool; the importer reads the extension instead.
  const list = (one: string, many: string, xs: string[]) => text("commenting", `${xs.length > 1 ? many : one}: ${xs.join("; ")}`);
  if (m.speakers.length > 0)
    out.push(
      list(
        "Speaker",
        "Speakers",
        m.speakers.map((s) => s.name),
      ),
    );
  const counts = quantityTexts(m.fields);
  if (counts.length > 0) out.push(list("Quantity", "Quantities", counts));
  // The model forbids `purpose` on a bare External Web Resource body, so each proposition is a
  // SpecificResource whose source is the proposition page.
  for (const p of m.propositions) {
    out.push({ type: "SpecificResource", purpose: "linking", source: `${trimSlash(o.baseUrl)}/w/${seg(o.workspaceSlug)}/propositions/${seg(p.id)}` });
  }
  return out;
}

const FIELD_KEYS = ["date", "dateValue", "datePrecision", "quantities", "item"] as const;

// Only the known keys, down to each quantity's: `fields` is JSON in the database and may hold anything.
function knownFields(f: ExportFields): ExportFields {
  const out: ExportFields = Object.fromEntries(FIELD_KEYS.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]));
  if (f.quantities) out.quantities = f.quantities.map((q) => ({ value: q.value, ...(q.item !== undefined ? { item: q.item } : {}) }));
  return out;
}

function extension(m: ExportMention): ClaimExtension {
  return {
    version: 2,
    articleId: m.articleId,
    passageId: m.passageId,
    passagePosition: m.passagePosition,
    claimType: m.claimType,
    modality: m.modality,
    speakers: m.speakers.map((s) => ({ name: s.name, type: s.type, kind: s.kind ?? null })),
    articleTitle: m.articleTitle,
    articleUrl: m.articleUrl,
    contentHash: m.articleContentHash ?? null,
    actors: m.actors,
    fields: knownFields(m.fields),
    note: m.note,
    status: m.status,
    orphaned: m.orphaned ?? false,
    needsReview: m.needsReview ?? false,
    propositions: m.propositions.map((p) => ({ id: p.id, statement: p.statement, stance: p.stance })),
  };
}

function build(m: ExportMention, o: WebAnnotationOptions, withContext: boolean): WebAnnotation {
  return {
    ...(withContext ? { "@context": ANNO_CONTEXT } : {}),
    id: annotationIri(o.baseUrl, m.annotationId, o.workspaceId),
    type: "Annotation",
    motivation: "classifying",
    created: m.createdAt,
    modified: m.updatedAt,
    creator: { type: "Person", name: m.author },
    body: bodies(m, o),
    target: {
      source: passageIri(m, o),
      selector: [
        // Empty prefix/suffix (a quote at the passage edge) are left out, as the model allows.
        { type: "TextQuoteSelector", exact: m.exact, ...(m.prefix ? { prefix: m.prefix } : {}), ...(m.suffix ? { suffix: m.suffix } : {}) },
        { type: "TextPositionSelector", start: m.start, end: m.end },
      ],
    },
    [CLAIM_EXTENSION_KEY]: extension(m),
  };
}

/** One mention as a standalone Web Annotation (JSON-LD object with its own @context). */
export function webAnnotation(m: ExportMention, o: WebAnnotationOptions): WebAnnotation {
  return build(m, o, true);
}

export type CollectionMeta = {
  /** The collection's IRI, e.g. the export URL. */
  id: string;
  label: string;
  /** Number of items, when the service knows it before streaming. */
  total?: number;
  /** ISO 8601 date-time of the export. */
  created?: string;
};

/**
 * Opening of an AnnotationCollection whose single embedded AnnotationPage holds every item:
 * write this, then `annotationCollectionItem` for each mention, then the footer.
 */
export function annotationCollectionHeader(meta: CollectionMeta): string {
  // The page lives inside the collection document, so a fragment of it names the page, and
  // `partOf` is left out: the W3C suite expects partOf to embed the collection description.
  const pageId = `${meta.id.replace(/#.*$/, "")}#page-1`;
  const head = {
    "@context": ANNO_CONTEXT,
    id: meta.id,
    type: "AnnotationCollection",
    label: meta.label,
    ...(meta.total !== undefined ? { total: meta.total } : {}),
    ...(meta.created ? { created: meta.created } : {}),
  };
  const page = JSON.stringify({ id: pageId, type: "AnnotationPage", startIndex: 0 });
  // Splice the open `items` array into the page object: the item count is not known yet.
  return `${JSON.stringify(head).slice(0, -1)},"first":${page.slice(0, -1)},"items":[\n`;
}

/** The n-th (0-based) item of a collection: the annotation without @context (it inherits the collection's), comma-led after the first. */
export function annotationCollectionItem(m: ExportMention, o: WebAnnotationOptions, index: number): string {
  return (index > 0 ? ",\n" : "") + JSON.stringify(build(m, o, false));
}

/** Closes the items array, the page and the collection. */
export function annotationCollectionFooter(): string {
  return "\n]}}\n";
}
