import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimReview, type ClaimReview } from "./claimreview";
import type { ExportMention } from "./records";
import { link, mention, proposition, PROP_ID } from "./test-fixtures";

const OPTS = { baseUrl: "https://claims.example.org/", slug: "desk-vn", publisherName: "Desk VN", publisherUrl: "https://desk.example.org" };
const review = (over = {}, opts = {}) => claimReview(proposition(over), { ...OPTS, ...opts }) as ClaimReview;

const article = (id: string, publishedAt: string | null, stance: "SUPPORTS" | "REFUTES" | "NEUTRAL", over: Partial<ExportMention> = {}) =>
  mention({ annotationId: `a-${id}-${stance}`, articleId: id, articleTitle: `Title ${id}`, articleUrl: `https://news.example/${id}`, publishedAt, publisher: `Outlet ${id}`, propositions: [link({ stance })], ...over });

describe("claimReview", () => {
  it.each([null, "", "   "])("is null for rating %j", (rating) => {
    expect(claimReview(proposition({ rating }), OPTS)).toBeNull();
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
    expect(r.itemReviewed.firstAppearance).toEqual({ "@type": "NewsArticle", url: "https://news.example/early", headline: "Title early", datePublished: "2023-09-13", publisher: { "@type": "Organization", name: "Outlet early" } });
    expect(r.itemReviewed.datePublished).toBe("2023-09-13");
  });

  it("has no appearance keys when only refuting mentions exist", () => {
    expect(review({ mentions: [article("denial", "2023-09-01", "REFUTES")] }).itemReviewed).toEqual({ "@type": "Claim" });
  });

  it.each([
    ["one person speaker", [{ speaker: "Kim Jong Un", speakerKind: "PERSON" }], { "@type": "Person", name: "Kim Jong Un" }],
    ["one government speaker", [{ speaker: "White House", speakerKind: "GOVERNMENT" }, { speaker: "White House", speakerKind: null }], { "@type": "Organization", name: "White House" }],
    ["two speakers", [{ speaker: "White House", speakerKind: "GOVERNMENT" }, { speaker: "TASS", speakerKind: "STATE_MEDIA" }], undefined],
    ["a speaker and an unattributed mention", [{ speaker: "TASS", speakerKind: "STATE_MEDIA" }, { speaker: null, speakerKind: null }], undefined],
    ["a speaker of unknown kind", [{ speaker: "Kim Jong Un", speakerKind: undefined }], undefined],
  ])("claim author with %s", (_, speakers, expected) => {
    const mentions = speakers.map((s, i) => article(`a${i}`, "2023-09-13", "SUPPORTS", s));
    expect(review({ mentions }).itemReviewed.author).toEqual(expected);
  });
});

const EXAMPLES = path.resolve(import.meta.dirname, "../../../../shared/external/claimreview");
const HAVE_EXAMPLES = existsSync(EXAMPLES);
const EXAMPLES_TITLE = HAVE_EXAMPLES ? "ClaimReview shape against the schema.org and Google examples" : "ClaimReview examples — SKIPPED: ../shared/external/claimreview not found";

describe.skipIf(!HAVE_EXAMPLES)(EXAMPLES_TITLE, () => {
  const read = (f: string) => (HAVE_EXAMPLES ? readFileSync(path.join(EXAMPLES, f), "utf8") : "{}");
  const google = JSON.parse(read("google-factcheck-example.jsonld"));
  const examples = [google, JSON.parse(read("schemaorg-eg-0324-ClaimReview.jsonld")), JSON.parse(read("schemaorg-eg-0325-ClaimReview.jsonld"))];
  const keys = (v: unknown): string[] =>
    Array.isArray(v) ? v.flatMap(keys) : v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]) : [];
  // Every property in the examples, plus those the schema.org excerpt defines (ratingExplanation, firstAppearance...).
  const ttl = read("schemaorg-schema.ttl-ClaimReview-excerpt.ttl");
  const vocabulary = new Set([...examples.flatMap(keys), ...[...ttl.matchAll(/^:(\w+) a rdf:Property/gm)].map((m) => m[1])]);
  const full = () => JSON.parse(JSON.stringify(review({ mentions: [article("x", "2023-09-13", "SUPPORTS", { speaker: "Kim Jong Un", speakerKind: "PERSON" })] })));

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

  it("a property outside the vocabulary would be caught", () => {
    expect(vocabulary.has("verdictSentence")).toBe(false);
    expect(vocabulary.has("ratingExplanation")).toBe(true);
  });
});
