// Property-based tests over every import format (issue 11): whatever a file holds, the parsers
// return their result or their errors (with a location), never throw, and never hand on text
// PostgreSQL cannot store. Seeded for reproducibility.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUpload } from "./import-decode";
import { extractHtmlArticle, htmlArticleText } from "./import-html";
import { decodeBulkFile, detectJsonlKind, planArticle, readClaimLine, readJsonLines } from "./import-jsonl";
import { parseArticle } from "./import-metadata";
import { readWebAnnotations } from "./import-w3c";
import { findTextProblem } from "@/lib/validation/text-guard";

const SEED = 110_011;
const utf8 = (s: string) => new TextEncoder().encode(s);

// Text with what breaks naive parsers: separators, quotes, escapes, markup, NUL, lone surrogates.
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        "\n",
        "\r\n",
        "\r",
        "\u2028",
        " ",
        "{",
        "}",
        "[",
        "]",
        '"',
        "\\",
        "\\u0000",
        "\\ud83d",
        "\u0000",
        "\uD83D",
        "🚀",
        "<p>",
        "</p>",
        "<",
        "&#0;",
        ":",
        ",",
      ),
      { maxLength: 60 },
    )
    .map((xs) => xs.join("")),
);

/** A JSON value with any strings in it (lone surrogates and NULs included). */
const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: "binary" });

const VALID_ARTICLE = { text: "Kim visits the cosmodrome\n\nKim Jong-un and Vladimir Putin met at the Vostochny cosmodrome.", title: "Kim visits" };
const VALID_CLAIM = {
  articleTitle: "Kim visits",
  passage: 0,
  start: 0,
  end: 3,
  exact: "Kim",
  claimType: "visit",
  speakers: ["TASS"],
  fields: { date: "13/9" },
};
const VALID_ANNOTATION = {
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  body: [{ type: "TextualBody", purpose: "tagging", value: "visit" }],
  target: {
    source: "urn:x",
    selector: [
      { type: "TextPositionSelector", start: 0, end: 3 },
      { type: "TextQuoteSelector", exact: "Kim" },
    ],
  },
};

/** `base` with one field set to an arbitrary JSON value (or removed), as a file from elsewhere might hold it. */
const mutated = (base: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(base), "extra"), fc.option(anyJson, { nil: undefined })).map(([key, value]) => ({ ...base, [key]: value }));

const everyMessageLocated = (errors: { line: number; message: string }[]) =>
  errors.every((e) => Number.isInteger(e.line) && /^(line|annotation) \d+/.test(e.message));

describe("import parsers on arbitrary input", () => {
  it("starts its mutations from lines that are valid", () => {
    expect(planArticle(1, VALID_ARTICLE).ok).toBe(true);
    expect(readClaimLine(1, VALID_CLAIM).ok).toBe(true);
    expect(readWebAnnotations(JSON.stringify(VALID_ANNOTATION))).toMatchObject({ errors: [], drafts: [{ claimType: "visit", exact: "Kim" }] });
  });

  it("decodeUpload and decodeBulkFile answer any bytes with text or a message naming the file", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), nasty.map(utf8)), (bytes) => {
        const upload = decodeUpload("a.txt", bytes, 1000);
        const bulk = decodeBulkFile("a.jsonl", bytes, 1000);
        for (const r of [upload, bulk]) {
          if (r.ok) expect(findTextProblem(r.text)).toBeNull();
          else expect(r.error).toMatch(/^a\.(txt|jsonl)\b/);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("readJsonLines answers any text with objects or located errors, and passes on no NUL or lone surrogate", () => {
    const lines = fc
      .array(
        fc.oneof(
          nasty,
          anyJson.map((v) => JSON.stringify(v)),
        ),
        { maxLength: 8 },
      )
      .map((xs) => xs.join("\n"));
    fc.assert(
      fc.property(lines, (text) => {
        const r = readJsonLines(text);
        expect(everyMessageLocated(r.errors)).toBe(true);
        for (const { value } of r.lines) {
          expect(findTextProblem(value)).toBeNull();
          expect(typeof detectJsonlKind(value) === "string" || detectJsonlKind(value) === null).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("planArticle and readClaimLine answer any value, or a mutation of a valid line, with a plan or errors naming the line", () => {
    const values = fc.oneof(anyJson, mutated(VALID_ARTICLE), mutated(VALID_CLAIM));
    fc.assert(
      fc.property(values, (raw) => {
        const article = planArticle(3, raw);
        const claim = readClaimLine(3, raw);
        for (const r of [article, claim]) if (!r.ok) expect(r.errors.every((e) => e.line === 3 && e.message.startsWith("line 3: "))).toBe(true);
        if (article.ok) expect(findTextProblem(article.plan.input)).toBeNull();
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("readWebAnnotations answers any text, any JSON and any mutation of a valid annotation with drafts or located errors", () => {
    const docs = fc.oneof(
      nasty,
      anyJson.map((v) => JSON.stringify(v)),
      mutated(VALID_ANNOTATION).map((a) => JSON.stringify(a)),
      fc.array(mutated(VALID_ANNOTATION), { maxLength: 3 }).map((items) => JSON.stringify({ type: "AnnotationCollection", items })),
      fc.array(mutated(VALID_ANNOTATION), { minLength: 2, maxLength: 3 }).map((items) => items.map((a) => JSON.stringify(a)).join("\n")),
    );
    fc.assert(
      fc.property(docs, (text) => {
        const r = readWebAnnotations(text);
        expect(r.errors.every((e) => Number.isInteger(e.line) && e.message.length > 0)).toBe(true);
        for (const d of r.drafts) expect(findTextProblem(d)).toBeNull();
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("parseArticle splits any pasted text without throwing", () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const parsed = parseArticle(text);
        expect(Array.isArray(parsed.passages)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("extractHtmlArticle reads any markup without throwing, and its text has no NUL", () => {
    const html = fc
      .tuple(nasty, nasty)
      .map(
        ([title, body]) =>
          `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><p>${body}${body}</p></article></body></html>`,
      );
    fc.assert(
      fc.property(fc.oneof(html, nasty), fc.constantFrom(undefined, "https://example.com/a", "javascript:alert(1)"), (page, url) => {
        const article = extractHtmlArticle(page, url);
        const text = htmlArticleText(article);
        expect(text).not.toContain("\u0000");
        if (article.url !== null) expect(article.url).toMatch(/^https?:\/\//);
      }),
      // jsdom is slow; a few pages cover the markup paths the other formats do not.
      { seed: SEED, numRuns: 15 },
    );
  });
});
