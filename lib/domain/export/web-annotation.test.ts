import { describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "../text";
import { link, mention, mentionNeedsReview, mentionTwoQuantities, mentionTwoSpeakers } from "./test-fixtures";
import { HAVE_W3C_TESTS, manifest, w3cValidator } from "./test-w3c";
import {
  annotationCollectionFooter,
  annotationCollectionHeader,
  annotationCollectionItem,
  CLAIM_EXTENSION_KEY,
  webAnnotation,
  type ClaimExtension,
} from "./web-annotation";

/** xs[i], failing the test when there is no such element. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, found ${xs.length} elements`);
  return x;
}

const OPTS = { baseUrl: "https://claims.example.org/", workspaceSlug: "desk-vn" };
/** What a consumer sees: the serialised JSON, parsed back. */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value));
const anno = (over = {}) => wire(webAnnotation(mention(over), OPTS));

describe("webAnnotation", () => {
  it("addresses the annotation and its target passage by IRI", () => {
    const a = anno();
    expect(a.id).toBe(`https://claims.example.org/api/v1/annotations/${mention().annotationId}`);
    expect(a.target.source).toBe(`https://claims.example.org/w/desk-vn/articles/${mention().articleId}#p-3`);
    expect(a).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      motivation: "classifying",
      created: mention().createdAt,
      modified: mention().updatedAt,
      creator: { type: "Person", name: "Lan Nguyễn" },
    });
  });

  it.each([
    ["tagging", "Arms transfer"],
    ["classifying", "ALLEGED"],
    ["describing", "Credit line names AFP first."],
    ["commenting", "Speaker: White House"],
    ["commenting", "Quantity: hơn 1.000 container"],
  ])("has a %s body %j", (purpose, value) => {
    expect(anno().body).toContainEqual({ type: "TextualBody", purpose, value });
  });

  it("lists every speaker and every quantity, in order, for people reading the bodies", () => {
    const comments = (m: ReturnType<typeof mention>) =>
      wire(webAnnotation(m, OPTS))
        .body.filter((b: { purpose: string }) => b.purpose === "commenting")
        .map((b: { value: string }) => b.value);
    expect(comments(mentionTwoSpeakers())).toEqual(["Speakers: Dmitry Peskov; TASS", "Quantity: hơn 1.000 container"]);
    expect(comments(mentionTwoQuantities())).toEqual(["Speaker: White House", "Quantities: hơn 1.000 container; 5"]);
  });

  it("links every proposition as a SpecificResource body", () => {
    const a = anno({ propositions: [link(), link({ id: "p2", stance: "REFUTES" })] });
    const links = a.body.filter((b: { purpose: string }) => b.purpose === "linking");
    expect(links.map((b: { source: string }) => b.source)).toEqual([
      `https://claims.example.org/w/desk-vn/propositions/${link().id}`,
      "https://claims.example.org/w/desk-vn/propositions/p2",
    ]);
  });

  it("leaves out note, speaker and quantity bodies when there are none", () => {
    const purposes = anno({ note: null, speakers: [], fields: { date: "2023" }, propositions: [] }).body.map((b: { purpose: string }) => b.purpose);
    expect(purposes).toEqual(["tagging", "classifying"]);
  });

  it("selects by quote and by code point position, leaving out empty prefix/suffix", () => {
    expect(anno().target.selector).toEqual([
      { type: "TextQuoteSelector", exact: mention().exact, prefix: "Nhà Trắng nói ", suffix: " cho Nga trong" },
      { type: "TextPositionSelector", start: 14, end: 63 },
    ]);
    expect(anno({ prefix: "", suffix: "" }).target.selector[0]).toEqual({ type: "TextQuoteSelector", exact: mention().exact });
  });

  it("keeps stored code point offsets (an emoji counts 1, not 2 UTF-16 units)", () => {
    const passage = "🚀🚀 Kim Jong Un nói: Nga sẽ đại thắng";
    const exact = "Nga sẽ đại thắng";
    const start = codePointLength(passage) - codePointLength(exact);
    const a = anno({ exact, start, end: start + codePointLength(exact) });
    const pos = a.target.selector[1];
    expect(sliceCodePoints(passage, pos.start, pos.end)).toBe(exact);
    expect(passage.slice(pos.start, pos.end)).not.toBe(exact);
  });

  it("carries the claim in the extension so an import restores it exactly", () => {
    const m = mention();
    const ext: ClaimExtension = anno()[CLAIM_EXTENSION_KEY];
    expect(ext).toEqual({
      version: 2,
      articleId: m.articleId,
      passageId: m.passageId,
      passagePosition: 3,
      claimType: "Arms transfer",
      modality: "ALLEGED",
      speakers: [{ name: "White House", type: "source", kind: "GOVERNMENT" }],
      articleTitle: m.articleTitle,
      articleUrl: m.articleUrl,
      contentHash: m.articleContentHash ?? null,
      actors: ["Triều Tiên", "Nga"],
      fields: { date: "2023-09", dateValue: "2023-09", datePrecision: "month", quantities: [{ value: "hơn 1.000", item: "container" }], item: "đạn dược" },
      note: "Credit line names AFP first.",
      status: "APPROVED",
      orphaned: false,
      needsReview: false,
      propositions: [{ id: link().id, statement: link().statement, stance: "SUPPORTS" }],
    });
  });
});

describe("claim extension", () => {
  const ext = (m: ReturnType<typeof mention>): ClaimExtension => wire(webAnnotation(m, OPTS))[CLAIM_EXTENSION_KEY];

  it("lists every speaker in order with its type and kind", () => {
    expect(ext(mentionTwoSpeakers()).speakers).toEqual([
      { name: "Dmitry Peskov", type: "entity", kind: "PERSON" },
      { name: "TASS", type: "source", kind: "STATE_MEDIA" },
    ]);
    expect(ext(mention({ speakers: [] })).speakers).toEqual([]);
  });

  it("carries every quantity and the date as written and parsed", () => {
    expect(ext(mentionTwoQuantities()).fields).toEqual({
      date: "13/9/2023",
      dateValue: "2023-09-13",
      datePrecision: "day",
      quantities: [{ value: "hơn 1.000", item: "container" }, { value: "5" }],
      item: "đạn dược",
    });
  });

  it.each([
    ["needs review", mentionNeedsReview(), { needsReview: true, orphaned: false }],
    ["orphaned", mention({ orphaned: true }), { needsReview: false, orphaned: true }],
  ])("marks a %s claim", (_, m, marks) => expect(ext(m)).toMatchObject(marks));

  it("exports only the known claim fields, down to each quantity's", () => {
    const fields = { date: "2023-09-13", extra: "leak", quantities: [{ value: "5", item: "xe", secret: 1 }] } as unknown as ReturnType<
      typeof mention
    >["fields"];
    expect(ext(mention({ fields })).fields).toEqual({ date: "2023-09-13", quantities: [{ value: "5", item: "xe" }] });
  });
});

describe("annotation collection (streamed)", () => {
  const meta = {
    id: "https://claims.example.org/api/v1/exports/annotations?claimType=arms",
    label: "Desk VN claims",
    total: 2,
    created: "2024-06-22T10:00:00Z",
  };
  const stream = (n: number) =>
    annotationCollectionHeader({ ...meta, total: n }) +
    Array.from({ length: n }, (_, i) => annotationCollectionItem(mention({ annotationId: `a${i}` }), OPTS, i)).join("") +
    annotationCollectionFooter();

  it("concatenates into one JSON document with every item on the first page", () => {
    const doc = JSON.parse(stream(3));
    expect(doc).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", id: meta.id, type: "AnnotationCollection", label: meta.label, total: 3 });
    expect(doc.first).toMatchObject({ id: `${meta.id}#page-1`, type: "AnnotationPage", startIndex: 0 });
    expect(doc.first.items.map((a: { id: string }) => a.id.split("/").pop())).toEqual(["a0", "a1", "a2"]);
    expect(doc.first.items.every((a: object) => !("@context" in a))).toBe(true);
  });

  it("is valid JSON with no items", () => {
    expect(JSON.parse(stream(0)).first.items).toEqual([]);
  });
});

// The W3C suite's assertions (JSON Schema draft-04). Every "must" in annotationMusts.test is
// applied; of the optional ones, those listed below apply to what we emit and must pass.
// Not used: body-level optionals (3.2.1-body*, 3.3.x-body*, 4.4-styleClass, 4.5/4.6...) expect a
// single body object, ours is an array; generated/generator, audience, rights, canonical, via,
// stylesheet and creator id are features we do not emit (no public user IRIs); bodyValue is
// mutually exclusive with body. 4.2-selectorFound is broken upstream (see test below).
const OPTIONAL_PASS = [
  "annotations/3.1-bodyKeyFound.json",
  "annotations/3.3.1-annotationCreatedImplemented.json",
  "annotations/3.3.1-annotationModifiedImplemented.json",
  "annotations/3.3.1-annotationSingleCreatorImplemented.json",
  "annotations/3.3.5-annotationMotivationImplemented.json",
  "annotations/3.3.5-annotationSingleMotivationImplemented.json",
  "annotations/bodiesTargets/3.2.4-bodyETB.json",
  "annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
  "annotations/bodiesTargets/3.3.5-bodyPurpose.json",
  "annotations/bodiesTargets/4-bodySpecificResource.json",
  "annotations/bodiesTargets/4-targSpecificResource.json",
  "annotations/specificResource/4.2.4-textQuoteSelector.json",
  "annotations/specificResource/4.2.4-prefix.json",
  "annotations/specificResource/4.2.4-suffix.json",
  "annotations/specificResource/4.2.5-textPositionSelector.json",
];

const W3C_TITLE = HAVE_W3C_TESTS
  ? "W3C web-annotation-tests schemas"
  : "W3C web-annotation-tests schemas — SKIPPED: ../shared/external/web-annotation-tests not found";
// Under CI the suite must be there: a missing folder is a broken setup, not a reason to pass.
it.skipIf(HAVE_W3C_TESTS || process.env.CI !== "true")("has the W3C web-annotation-tests schemas (required under CI)", () => {
  throw new Error("../shared/external/web-annotation-tests not found");
});
describe.skipIf(!HAVE_W3C_TESTS)(W3C_TITLE, () => {
  const schema = w3cValidator();
  const MUSTS = manifest("annotations/annotationMusts.test");
  const errors = (assertion: string, doc: unknown) => {
    const validate = schema(assertion);
    return validate(doc) ? null : validate.errors;
  };

  it("the must list covers the core and selector assertions", () => {
    for (const a of [
      "3.1-annotationContextValidated",
      "3.1-annotationIdValidated",
      "3.1-annotationTypeValidated",
      "3.1-targetKeyFound",
      "3.2-targetObjectsRecognized",
      "3.3.1-annotationCreatedValidated",
      "3.3.1-annotationModifiedValidated",
      "specificResource/4.2-selectorValidIfPresent",
      "specificResource/4.2.4-textQuoteSelectorValid",
      "specificResource/4.2-TextDataPositionSelectorValid",
    ]) {
      expect(MUSTS).toContain(`annotations/${a}.json`);
    }
  });

  const samples = {
    full: () => anno(),
    "no note, speaker, links or prefix": () => anno({ note: null, speakers: [], fields: {}, propositions: [], prefix: "", suffix: "" }),
    "two speakers, two quantities, needs review": () =>
      wire(webAnnotation(mentionTwoQuantities({ speakers: mentionTwoSpeakers().speakers, needsReview: true }), OPTS)),
  };
  describe.each(Object.entries(samples))("%s annotation", (_, make) => {
    it.each(MUSTS)("passes must %s", (assertion) => expect(errors(assertion, make())).toBeNull());
  });
  it.each(OPTIONAL_PASS)("full annotation passes optional %s", (assertion) => expect(errors(assertion, anno())).toBeNull());

  it.each([
    ["annotations/3.1-annotationContextValidated.json", (a: Record<string, unknown>) => delete a["@context"]],
    ["annotations/3.1-annotationIdValidated.json", (a: Record<string, unknown>) => (a.id = "not a uri")],
    ["annotations/3.3.1-annotationCreatedValidated.json", (a: Record<string, unknown>) => (a.created = "yesterday")],
    ["annotations/3.1-targetKeyFound.json", (a: Record<string, unknown>) => delete a.target],
    [
      "annotations/specificResource/4.2-TextDataPositionSelectorValid.json",
      (a: { target: { selector: { start: unknown }[] } }) => (nth(a.target.selector, 1).start = "14"),
    ],
    [
      "annotations/specificResource/4.2-TextDataPositionSelectorValid.json",
      (a: { target: { selector: { end: unknown }[] } }) => (nth(a.target.selector, 1).end = -1),
    ],
  ] as [string, (a: never) => void][])("a broken annotation fails %s", (assertion, breakIt) => {
    const a = anno();
    breakIt(a as never);
    expect(errors(assertion, a)).not.toBeNull();
  });

  it("4.2-selectorFound is not used: it rejects even the model's own TextQuoteSelector example", () => {
    const example = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "http://example.org/anno23",
      type: "Annotation",
      body: "http://example.org/comment1",
      target: {
        source: "http://example.org/page1",
        selector: { type: "TextQuoteSelector", exact: "anotation", prefix: "this is an ", suffix: " that has some" },
      },
    };
    expect(errors("annotations/specificResource/4.2.4-textQuoteSelectorValid.json", example)).toBeNull();
    expect(errors("annotations/specificResource/4.2-selectorFound.json", example)).not.toBeNull();
  });

  describe("collection", () => {
    const doc = () =>
      JSON.parse(
        annotationCollectionHeader({
          id: "https://claims.example.org/api/v1/exports/annotations",
          label: "Desk VN",
          total: 2,
          created: "2024-06-22T10:00:00Z",
        }) +
          annotationCollectionItem(mention(), OPTS, 0) +
          annotationCollectionItem(mention({ annotationId: "b" }), OPTS, 1) +
          annotationCollectionFooter(),
      );
    const COLLECTION_MUSTS = manifest("collections/collectionMusts.test");
    // The embedded page inherits the collection's @context, so that assertion is checked on the collection.
    const PAGE_MUSTS = manifest("collections/pages/pageMusts.test").filter((a) => !a.endsWith("5.2-pageContextValidated.json"));

    it.each(COLLECTION_MUSTS)("passes must %s", (assertion) => expect(errors(assertion, doc())).toBeNull());
    it.each(PAGE_MUSTS)("first page passes must %s", (assertion) => expect(errors(assertion, doc().first)).toBeNull());
    it("items pass every annotation must once the collection's @context is applied", () => {
      for (const item of doc().first.items) for (const a of MUSTS) expect(errors(a, { "@context": doc()["@context"], ...item })).toBeNull();
    });
    it("a collection whose total promises items but has no first page fails", () => {
      const broken = doc();
      delete broken.first;
      expect(errors("collections/5.1-collectionFirstValidated.json", broken)).not.toBeNull();
    });
  });
});
