import { describe, expect, it } from "vitest";
import { mention, mentionNeedsReview, mentionTwoQuantities, mentionTwoSpeakers } from "./export/test-fixtures";
import { annotationCollectionFooter, annotationCollectionHeader, annotationCollectionItem, webAnnotation } from "./export/web-annotation";
import { readAnnotation, readWebAnnotations, W3C_ARTICLE_KEY } from "./import-w3c";

const o = { baseUrl: "https://claims.example.org", workspaceSlug: "desk-vn" };
const second = mention({
  annotationId: "1c7a2b63-9b9f-4a4f-b2d5-2a3b4c5d6e7f",
  passagePosition: 0,
  start: 0,
  end: 12,
  exact: "Điện Kremlin",
  prefix: "",
  suffix: " bác bỏ",
  speakers: [],
  fields: {},
  note: null,
  modality: "DENIED",
  claimType: "Denial",
});

function collection(...ms: ReturnType<typeof mention>[]) {
  return (
    annotationCollectionHeader({ id: "https://claims.example.org/export.jsonld", label: "Claims" }) +
    ms.map((m, i) => annotationCollectionItem(m, o, i)).join("") +
    annotationCollectionFooter()
  );
}

describe("readWebAnnotations, on what our exporter writes", () => {
  it("reads a collection with claim type, modality, speaker, fields, actors and note from the extension", () => {
    const r = readWebAnnotations(collection(mention(), second));
    expect(r.errors).toEqual([]);
    expect(r.drafts).toHaveLength(2);
    const m = mention();
    expect(r.drafts[0]).toMatchObject({
      line: 1,
      where: `annotation 1 (https://claims.example.org/api/v1/annotations/${m.annotationId})`,
      article: { id: m.articleId },
      articleMatch: "first",
      passage: 3,
      start: 14,
      end: 63,
      exact: m.exact,
      prefix: m.prefix,
      suffix: m.suffix,
      claimType: "Arms transfer",
      modality: "ALLEGED",
      speakers: [{ name: "White House", kind: "source", detailKind: "GOVERNMENT" }],
      fields: { date: "2023-09", quantities: [{ value: "hơn 1.000", item: "container" }], item: "đạn dược" },
      actors: m.actors,
      note: "Credit line names AFP first.",
    });
    // The "Speaker: …" commenting body is for people; it must not become the note.
    expect(r.drafts[1]).toMatchObject({ passage: 0, modality: "DENIED", claimType: "Denial", speakers: [], fields: {}, note: undefined });
  });

  // What an export elsewhere must give back: the server re-parses the date, so the parsed
  // dateValue/datePrecision are the only parts of the record not carried over.
  it.each([
    ["two speakers", mentionTwoSpeakers()],
    ["two quantities", mentionTwoQuantities()],
    ["needs review", mentionNeedsReview()],
    ["orphaned, unconfirmed, no speaker or fields", mention({ orphaned: true, modality: "UNCONFIRMED", speakers: [], fields: {}, actors: [] })],
    ["a speaker of unknown kind", mention({ speakers: [{ name: "Kim Jong Un", type: "entity", kind: null }] })],
  ])("round-trips %s", (_, m) => {
    const r = readWebAnnotations(collection(m));
    expect(r.errors).toEqual([]);
    const { dateValue: _v, datePrecision: _p, ...fields } = m.fields;
    expect(r.drafts[0]).toMatchObject({
      speakers: m.speakers.map((s) => ({ name: s.name, kind: s.type, detailKind: s.kind ?? undefined })),
      fields,
      actors: m.actors,
      modality: m.modality,
      orphaned: m.orphaned ?? false,
      needsReview: m.needsReview ?? false,
    });
    expect(r.drafts[0]?.fields).toEqual(fields);
  });

  it.each([
    ["an array of annotations", () => JSON.stringify([webAnnotation(mention(), o), webAnnotation(second, o)])],
    ["JSON Lines of annotations", () => `${JSON.stringify(webAnnotation(mention(), o))}\n\n${JSON.stringify(webAnnotation(second, o))}\n`],
  ])("reads %s", (_label, text) => {
    const r = readWebAnnotations(text());
    expect(r.errors).toEqual([]);
    expect(r.drafts.map((d) => d.claimType)).toEqual(["Arms transfer", "Denial"]);
  });

  it("numbers JSONL problems by line and JSON array problems by item", () => {
    const lines = readWebAnnotations(`${JSON.stringify(webAnnotation(mention(), o))}\n{oops\n`);
    expect(lines.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^line 2: not valid JSON/)]);
    const array = readWebAnnotations(JSON.stringify([webAnnotation(mention(), o), { type: "Annotation", target: "https://x" }]));
    expect(array.errors.map((e) => e.message)).toEqual(["annotation 2: the target has no source and selector, so the text it marks is unknown"]);
  });

  it("refuses more annotations than the limit", () => {
    expect(readWebAnnotations(JSON.stringify([webAnnotation(mention(), o), webAnnotation(second, o)]), 1).tooMany).toBe(2);
  });

  it.each([
    [{ type: "AnnotationCollection", first: "https://x/page1" }, /pages are linked \(first: https:\/\/x\/page1\), not included/],
    [{ type: "Something" }, /expected type AnnotationCollection, AnnotationPage or Annotation, found "Something"/],
    [42, /expected an AnnotationCollection, an array of Annotations or one Annotation/],
  ])("explains a file that is not an annotation collection: %j", (value, message) => {
    expect(readWebAnnotations(JSON.stringify(value)).errors[0]?.message).toMatch(message);
  });
});

describe("readAnnotation, on version 1 exports and other writers' extensions", () => {
  const exported = (over: Record<string, unknown>) => {
    const a = JSON.parse(JSON.stringify(webAnnotation(mention(), o)));
    const ext = a["claimboard:claim"];
    delete ext.speakers;
    Object.assign(ext, { version: 1, ...over });
    return a;
  };
  const draft = (value: unknown) => {
    const r = readAnnotation(1, "a", value);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
    return r.draft;
  };

  it.each([
    [
      "a typed speaker",
      { speaker: "Kim Jong Un", speakerKind: "PERSON", speakerType: "entity" },
      [{ name: "Kim Jong Un", kind: "entity", detailKind: "PERSON" }],
    ],
    ["a kind only sources have", { speaker: "TASS", speakerKind: "state_media" }, [{ name: "TASS", kind: "source", detailKind: "STATE_MEDIA" }]],
    ["an entity kind", { speaker: "Nga", speakerKind: "COUNTRY", speakerType: null }, [{ name: "Nga", kind: "entity", detailKind: "COUNTRY" }]],
    ["an unknown kind", { speaker: "Ai đó", speakerKind: "ALIEN" }, [{ name: "Ai đó", kind: undefined, detailKind: "ALIEN" }]],
    ["no speaker", { speaker: null, speakerKind: null }, []],
  ])("reads one speaker from %s", (_, over, speakers) => {
    expect(draft(exported(over)).speakers).toEqual(speakers);
  });

  it("reads the older single quantity and no needsReview", () => {
    const d = draft(exported({ speaker: "White House", fields: { date: "2023-09", quantity: "hơn 1.000 container", item: "" }, needsReview: undefined }));
    expect(d.fields).toEqual({ date: "2023-09", quantities: [{ value: "hơn 1.000 container" }] });
    expect(d.needsReview).toBeUndefined();
  });

  it("prefers speakers when a writer also sends the older speaker for older readers", () => {
    const d = draft(
      exported({ speakers: [{ name: "TASS", type: "source", kind: "STATE_MEDIA" }, { name: "Kim Jong Un" }], speaker: "TASS", speakerKind: "STATE_MEDIA" }),
    );
    expect(d.speakers).toEqual([
      { name: "TASS", kind: "source", detailKind: "STATE_MEDIA" },
      { name: "Kim Jong Un", kind: undefined, detailKind: undefined },
    ]);
  });

  it.each([
    [{ speakers: [{ name: "" }] }, /^a: claimboard:claim\.speakers\.0\.name: a speaker needs a name$/],
    [{ speakers: [{ name: "TASS" }, { name: "tass" }] }, /^a: claimboard:claim\.speakers: “tass” is listed twice$/],
    [{ speakers: [{ name: "TASS", type: "outlet" }] }, /^a: claimboard:claim\.speakers\.0\.type: /],
    [{ speakers: Array.from({ length: 11 }, (_, i) => ({ name: `S${i}` })) }, /^a: claimboard:claim\.speakers: at most 10 speakers$/],
    [{ fields: { quantity: "5", quantities: [{ value: "5" }] } }, /^a: claimboard:claim\.fields: give either "quantities" or the older "quantity", not both$/],
    [{ needsReview: "yes" }, /^a: claimboard:claim\.needsReview: /],
  ])("reports a bad extension %j", (over, message) => {
    const r = readAnnotation(1, "a", exported(over));
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([expect.stringMatching(message)]);
  });
});

describe("readAnnotation, on annotations from elsewhere", () => {
  const base = {
    type: "Annotation",
    body: [
      { type: "TextualBody", purpose: "tagging", value: "visit" },
      { type: "TextualBody", purpose: "classifying", value: "reported" },
      { type: "TextualBody", purpose: "describing", value: "A note" },
    ],
    target: { source: "https://other.example/page", selector: { type: "TextQuoteSelector", exact: "Vostochny" } },
  };

  it("takes modality and note from the bodies, the article from claimboard:article, and needs no position", () => {
    const r = readAnnotation(1, "annotation 1", { ...base, [W3C_ARTICLE_KEY]: { title: "Kim thăm Nga", contentHash: "abc", url: null } });
    expect(r.ok && r.draft).toMatchObject({
      article: { title: "Kim thăm Nga", contentHash: "abc", url: undefined },
      passage: null,
      start: null,
      exact: "Vostochny",
      modality: "REPORTED",
      note: "A note",
      claimType: "visit",
    });
  });

  it("reads a passage from a FragmentSelector refined by a TextPositionSelector", () => {
    const r = readAnnotation(1, "a", {
      ...base,
      [W3C_ARTICLE_KEY]: { title: "T" },
      target: { source: "https://x/doc", selector: { type: "FragmentSelector", value: "p-2", refinedBy: { type: "TextPositionSelector", start: 3, end: 7 } } },
    });
    expect(r.ok && r.draft).toMatchObject({ passage: 2, start: 3, end: 7, exact: undefined });
  });

  it.each([
    [{ ...base, type: "Note" }, ['a: not a W3C Annotation (type is "Note")']],
    [{ ...base, body: [] }, ['a: no claim type: add a TextualBody with purpose "tagging" whose value is the claim type']],
    [
      { ...base, target: { source: "https://x/articles/1", selector: { type: "TextPositionSelector", start: 1, end: 2 } } },
      [
        "a: cannot tell which paragraph is marked: the target source should end in #p-<position>",
        "a: cannot tell which article is marked: no article link in the target source and no quote to look for",
      ],
    ],
    [
      { ...base, target: { source: "https://x#p-1", selector: [{ type: "TextQuoteSelector", exact: "" }] } },
      [
        "a: the TextQuoteSelector needs a non-empty exact quote",
        "a: the target has neither a TextQuoteSelector nor a TextPositionSelector",
        "a: cannot tell which article is marked: no article link in the target source and no quote to look for",
      ],
    ],
    [{ ...base, "claimboard:claim": { modality: "sure" } }, [expect.stringMatching(/^a: claimboard:claim\.modality: modality must be one of asserted/)]],
  ])("reports every problem of %j", (value, messages) => {
    const r = readAnnotation(1, "a", value);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(messages);
  });
});
