import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimReview, type ClaimReview } from "./claimreview";
import type { ExportMention, ExportSpeaker } from "./records";
import { link, mention, mentionTwoSpeakers, proposition, PROP_ID, publishedRating, rating } from "./test-fixtures";

const OPTS = { baseUrl: "https://claims.example.org/", slug: "desk-vn", publisherName: "Desk VN", publisherUrl: "https://desk.example.org" };
const review = (over = {}, opts = {}) => claimReview(proposition(over), { ...OPTS, ...opts }) as ClaimReview;

const article = (id: string, publishedAt: string | null, stance: "SUPPORTS" | "REFUTES" | "NEUTRAL", over: Partial<ExportMention> = {}) =>
  mention({
    annotationId: `a-${id}-${stance}`,
    articleId: id,
    articleTitle: `Title ${id}`,
    articleUrl: `https://news.example/${id}`,
    publishedAt,
    publisher: `Outlet ${id}`,
    propositions: [link({ stance })],
    ...over,
  });

describe("claimReview", () => {
  it.each([
    ["no rating", null],
    ["an empty label", rating({ label: "" })],
    ["a blank label", rating({ label: "   " })],
    ["only a published URL, date and reviewer", publishedRating({ label: null, value: null })],
  ])("is null for %s", (_, r) => {
    expect(claimReview(proposition({ rating: r }), OPTS)).toBeNull();
  });

  it("publishes the statement, rating and explanation under the desk's name", () => {
    expect(review()).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `https://claims.example.org/w/desk-vn/propositions/${PROP_ID}`,
      claimReviewed: "North Korea supplied artillery shells to Russia",
      datePublished: "2024-06-22",
      author: { "@type": "Organization", name: "Desk VN", url: "https://desk.example.org" },
      reviewRating: { "@type": "Rating", alternateName: "Unproven", ratingExplanation: proposition().verdictSentence },
    });
    expect(review({}, { datePublished: "2024-07-01" }).datePublished).toBe("2024-07-01");
    expect(review().reviewRating).not.toHaveProperty("ratingValue");
  });

  it("publishes the desk's published fact-check: its URL, date, scale and reviewer", () => {
    const r = review({ rating: publishedRating() }, { datePublished: "2024-07-01" });
    expect(r).toMatchObject({
      url: "https://desk.example.org/fact-checks/shells",
      datePublished: "2024-06-20",
      author: [
        { "@type": "Organization", name: "Desk VN", url: "https://desk.example.org" },
        { "@type": "Person", name: "Minh Trần" },
      ],
    });
    expect(r.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      alternateName: "False",
      ratingExplanation: proposition().verdictSentence,
    });
  });

  it.each([
    ["a value without a scale", { value: 3 }, { ratingValue: 3, alternateName: "Unproven" }],
    ["a value and no label", { label: null, value: 1, best: 6 }, { ratingValue: 1, bestRating: 6 }],
    ["a scale without a value", { best: 5, worst: 1 }, { alternateName: "Unproven" }],
    ["a value of zero", { value: 0, best: 4, worst: 0 }, { ratingValue: 0, bestRating: 4, worstRating: 0, alternateName: "Unproven" }],
  ])("rates %s with only the numbers the desk set", (_, over, expected) => {
    expect(review({ rating: rating(over), verdictSentence: "" }).reviewRating).toEqual({ "@type": "Rating", ...expected });
  });

  it.each([
    ["desk only", "Desk VN", null, { "@type": "Organization", name: "Desk VN", url: "https://desk.example.org" }],
    ["reviewer only, no desk name", " ", "Minh Trần", { "@type": "Person", name: "Minh Trần" }],
    ["neither", "", null, undefined],
  ])("review author: %s", (_, publisherName, reviewer, expected) => {
    expect(review({ rating: rating({ reviewer }) }, { publisherName }).author).toEqual(expected);
  });

  it("lists each article once, oldest first, leaving out refuting and undated-first", () => {
    const r = review({
      mentions: [
        article("late", "2023-10-20", "SUPPORTS"),
        article("undated", null, "NEUTRAL"),
        article("early", "2023-09-13", "NEUTRAL"),
        article("late", "2023-10-20", "SUPPORTS", { annotationId: "second-quote-same-article" }),
        article("denial", "2023-09-01", "REFUTES"),
      ],
    });
    expect(r.itemReviewed.appearance?.map((a) => a.headline)).toEqual(["Title early", "Title late", "Title undated"]);
    expect(r.itemReviewed.firstAppearance).toEqual({
      "@type": "NewsArticle",
      url: "https://news.example/early",
      headline: "Title early",
      datePublished: "2023-09-13",
      publisher: { "@type": "Organization", name: "Outlet early" },
    });
    expect(r.itemReviewed.datePublished).toBe("2023-09-13");
  });

  it("has no appearance keys when only refuting mentions exist", () => {
    expect(review({ mentions: [article("denial", "2023-09-01", "REFUTES")] }).itemReviewed).toEqual({ "@type": "Claim" });
  });

  const who = (name: string, kind: string | null, type: ExportSpeaker["type"] = "entity"): ExportSpeaker => ({ name, type, kind });
  it.each([
    ["one person speaker", [[who("Kim Jong Un", "PERSON")]], { "@type": "Person", name: "Kim Jong Un" }],
    [
      "one government speaker, its kind known once",
      [[who("White House", "GOVERNMENT", "source")], [who("White House", null, "source")]],
      { "@type": "Organization", name: "White House" },
    ],
    ["different speakers", [[who("White House", "GOVERNMENT")], [who("TASS", "STATE_MEDIA", "source")]], undefined],
    ["two speakers on one mention", [mentionTwoSpeakers().speakers], undefined],
    ["two speakers on every mention", [mentionTwoSpeakers().speakers, mentionTwoSpeakers().speakers], undefined],
    ["a speaker and an unattributed mention", [[who("TASS", "STATE_MEDIA", "source")], []], undefined],
    ["a speaker of unknown kind", [[who("Kim Jong Un", null)]], undefined],
    ["the same name as an entity and a source", [[who("Kremlin", "GOVERNMENT", "source")], [who("Kremlin", "ORGANIZATION")]], undefined],
    ["one speaker with conflicting kinds", [[who("Kim Jong Un", "PERSON")], [who("Kim Jong Un", "OTHER")]], undefined],
  ])("claim author with %s", (_, speakers, expected) => {
    const mentions = speakers.map((s, i) => article(`a${i}`, "2023-09-13", "SUPPORTS", { speakers: s }));
    expect(review({ mentions }).itemReviewed.author).toEqual(expected);
  });
});

const EXAMPLES = path.resolve(import.meta.dirname, "../../../../shared/external/claimreview");
const HAVE_EXAMPLES = existsSync(EXAMPLES);
const EXAMPLES_TITLE = HAVE_EXAMPLES
  ? "ClaimReview shape against the schema.org and Google examples"
  : "ClaimReview examples — SKIPPED: ../shared/external/claimreview not found";

// Under CI the examples must be there: a missing folder is a broken setup, not a reason to pass.
it.skipIf(HAVE_EXAMPLES || process.env.CI !== "true")("has the ClaimReview examples (required under CI)", () => {
  throw new Error("../shared/external/claimreview not found");
});
describe.skipIf(!HAVE_EXAMPLES)(EXAMPLES_TITLE, () => {
  const read = (f: string) => (HAVE_EXAMPLES ? readFileSync(path.join(EXAMPLES, f), "utf8") : "{}");
  const google = JSON.parse(read("google-factcheck-example.jsonld"));
  const examples = [google, JSON.parse(read("schemaorg-eg-0324-ClaimReview.jsonld")), JSON.parse(read("schemaorg-eg-0325-ClaimReview.jsonld"))];
  const keys = (v: unknown): string[] =>
    Array.isArray(v) ? v.flatMap(keys) : v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]) : [];
  // Every property in the examples, plus those the schema.org excerpt defines (ratingExplanation, firstAppearance...).
  const ttl = read("schemaorg-schema.ttl-ClaimReview-excerpt.ttl");
  const vocabulary = new Set([...examples.flatMap(keys), ...[...ttl.matchAll(/^:(\w+) a rdf:Property/gm)].map((m) => m[1])]);
  const full = () =>
    JSON.parse(
      JSON.stringify(
        review({
          rating: publishedRating(),
          mentions: [article("x", "2023-09-13", "SUPPORTS", { speakers: [{ name: "Kim Jong Un", type: "entity", kind: "PERSON" }] })],
        }),
      ),
    );

  it("uses only properties that the examples or schema.org define", () => {
    expect(keys(full()).filter((k) => !vocabulary.has(k))).toEqual([]);
  });

  it("has every top-level key of Google's example, and the schema.org examples' datePublished", () => {
    expect(Object.keys(full()).sort()).toEqual([...new Set([...Object.keys(google), "datePublished"])].sort());
  });

  it("fills Google's required properties", () => {
    const r = full();
    expect(r.claimReviewed).toMatch(/\S/);
    expect(r.reviewRating.alternateName).toMatch(/\S/);
    expect(new URL(r.url).protocol).toBe("https:");
    expect(Object.keys(r.itemReviewed).sort()).toEqual(["@type", "appearance", "author", "datePublished", "firstAppearance"]);
    expect(r.itemReviewed.author).toEqual({ "@type": "Person", name: "Kim Jong Un" });
  });

  it("rates on a numeric scale like Google's example", () => {
    expect(Object.keys(full().reviewRating).sort()).toEqual([...Object.keys(google.reviewRating), "ratingExplanation"].sort());
  });

  it("a property outside the vocabulary would be caught", () => {
    expect(vocabulary.has("verdictSentence")).toBe(false);
    expect(vocabulary.has("ratingExplanation")).toBe(true);
  });
});
