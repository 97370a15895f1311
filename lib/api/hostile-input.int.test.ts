// Issue 11: hostile and broken input gets a clear 4xx naming the field, never a 500, and is
// never stored altered. Every documented endpoint is called through its route handler.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type EndpointDef, endpoints } from "@/lib/api/endpoints";
import { MAX_BODY_BYTES } from "@/lib/api/http";
import { call } from "@/lib/test/api-client";
import {
  countRows,
  type Fixture,
  inputJsonSchema,
  pathParamsFor,
  placeAt,
  type RouteModule,
  routeModules,
  seedFixture,
  stringPaths,
  urlFor,
} from "@/lib/test/endpoint-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const NUL = /NUL character/;
const SURROGATE = /unpaired surrogate/;

const all = Object.entries(endpoints) as [string, EndpointDef][];
const withBody = all.filter(([, d]) => "body" in d && d.body !== undefined);
const withQuery = all.filter(([, d]) => d.query !== undefined);
// Writes with a JSON body; file uploads (`requestMedia`) read their own media types.
const jsonWrites = withBody.filter(([, d]) => ["POST", "PUT", "PATCH"].includes(d.method));

describe("hostile input on every documented endpoint", () => {
  let fx: Fixture;
  let modules: Map<string, RouteModule>;
  const handler = (d: EndpointDef) => {
    const mod = modules.get(d.path);
    if (!mod) throw new Error(`no route file for ${d.path}`);
    return mod[d.method];
  };
  const send = (d: EndpointDef, init: Parameters<typeof call>[2] & { query?: string } = {}) => {
    const params = pathParamsFor(d, fx);
    return call(handler(d), urlFor(d, params, init.query), { method: d.method, params, ...init });
  };

  beforeAll(async () => {
    fx = await seedFixture();
    modules = await routeModules();
  });
  beforeEach(() => {
    session.userId = fx.owner.user.id;
  });

  it("covers the endpoints it means to", () => {
    expect(withBody.length).toBeGreaterThanOrEqual(40);
    expect(withQuery.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(withBody)("%s: a NUL or a lone surrogate in any string field of the body", (_name, d) => {
    const body = d.body?.schema;
    // Each string field of the schema, and one deep path no schema has: the check comes before the schema.
    const paths = [...(body ? stringPaths(inputJsonSchema(body)) : []), ["extra", 0, "name"]];

    it("is a 422 naming the field, and nothing is written", async () => {
      const before = await countRows(fx.ws);
      for (const at of paths) {
        const field = at.join(".");
        // A NUL, and half of 🚀 (U+1F680 is D83D DE80): each half alone is a lone surrogate.
        for (const [bad, message] of [
          ["Kim\u0000", NUL],
          [at.length % 2 ? "Kim\uD83D" : "\uDE80 cosmodrome", SURROGATE],
        ] as const) {
          const res = await send(d, { body: placeAt(at, bad) });
          expect(res.status, `${d.method} ${d.path} ${field} ${JSON.stringify(bad)}: ${res.text}`).toBe(422);
          expect(res.body.error.code).toBe("validation");
          expect(res.body.error.details.fields[field], `${field}: ${res.text}`).toMatch(message);
          expect(res.body.error.message).toContain(field);
        }
      }
      expect(await countRows(fx.ws)).toEqual(before);
    });
  });

  describe.each(withQuery)("%s: a NUL in any query parameter", (_name, d) => {
    const keys = d.query ? Object.keys(d.query.shape) : [];

    it("is a 422 naming the parameter", async () => {
      for (const key of keys) {
        const res = await send(d, { query: `${encodeURIComponent(key)}=Kim%00Jong` });
        expect(res.status, `${d.method} ${d.path}?${key}: ${res.text}`).toBe(422);
        expect(res.body.error.details.fields[key], `${key}: ${res.text}`).toMatch(NUL);
      }
    });

    it("is a 422 for percent-escapes that are not UTF-8, rather than a silent U+FFFD", async () => {
      const [key = "q"] = keys;
      const res = await send(d, { query: `${encodeURIComponent(key)}=Kim%ED%A0%80` });
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.details.fields[key]).toMatch(/UTF-8/);
    });
  });

  describe("request bodies: media type, JSON and size", () => {
    it.each(jsonWrites)("%s answers 415 for a body that is not application/json", async (_name, d) => {
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", ""]) {
        const res = await send(d, { rawBody: JSON.stringify({}), headers: { "content-type": contentType } });
        expect(res.status, `${d.method} ${d.path} with ${contentType}: ${res.text}`).toBe(415);
        expect(res.body.error).toMatchObject({ code: "unsupported_media_type", message: expect.stringMatching(/application\/json/) });
      }
      const withCharset = await send(d, { rawBody: "{", headers: { "content-type": "application/json; charset=utf-8" } });
      expect(withCharset.status).toBe(400);
    });

    it.each(withBody)("%s answers 400 for malformed JSON and 413 above the limit", async (_name, d) => {
      const broken = await send(d, { rawBody: '{"name": "unterminated' });
      expect(broken.status).toBe(400);
      expect(broken.body.error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/not valid JSON/) });
      // The declared length is enough to refuse; a streamed body over the limit is api.int.test.ts's.
      const big = await send(d, { rawBody: "{}", headers: { "content-length": String(MAX_BODY_BYTES + 1) } });
      expect(big.status).toBe(413);
      expect(big.body.error).toMatchObject({ code: "too_large", details: { limitBytes: MAX_BODY_BYTES } });
    });
  });

  describe("numbers PostgreSQL cannot store", () => {
    const INT4 = 2_147_483_647;
    it("refuses a version above 2³¹−1 with a 422 on version, wherever a version is sent", async () => {
      const versioned = withBody.filter(([, d]) => d.body && "version" in (inputJsonSchema(d.body.schema).properties as object));
      expect(versioned.length).toBeGreaterThanOrEqual(8);
      for (const [, d] of versioned) {
        const res = await send(d, { body: { version: INT4 + 1 } });
        expect(res.status, `${d.method} ${d.path}: ${res.text}`).toBe(422);
        expect(res.body.error.details.fields.version).toMatch(/at most 2,147,483,647/);
      }
      for (const d of [endpoints.deleteAnnotation, endpoints.deleteSession]) {
        const res = await send(d, { query: `version=${INT4 + 1}` });
        expect(res.status, res.text).toBe(422);
        expect(res.body.error.details.fields.version).toMatch(/at most 2,147,483,647/);
      }
    });

    it("refuses offsets above 2³¹−1 on new and re-marked claims", async () => {
      for (const d of [endpoints.createAnnotation, endpoints.remarkAnnotation]) {
        const res = await send(d, { body: { start: INT4 + 1, end: INT4 + 2 } });
        expect(res.status).toBe(422);
        expect(res.body.error.details.fields).toMatchObject({ start: expect.stringMatching(/at most/), end: expect.stringMatching(/at most/) });
      }
    });
  });

  describe("links", () => {
    const SCRIPTS = [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
    ];

    it("accepts only http(s) addresses for an article, its correction and a fact-check", async () => {
      for (const url of SCRIPTS) {
        const imported = await send(endpoints.importArticle, { body: { text: `Hostile link\n\nA paragraph about ${url}.`, title: "Hostile", url } });
        expect(imported.status, imported.text).toBe(422);
        expect(imported.body.error.details.fields.url).toBe("Use an http(s) address");
        const corrected = await send(endpoints.updateArticle, { body: { version: 1, url } });
        expect(corrected.status, corrected.text).toBe(422);
        expect(corrected.body.error.details.fields.url).toBe("Use an http(s) address");
        const rated = await send(endpoints.updateProposition, { body: { reviewUrl: url } });
        expect(rated.status, rated.text).toBe(422);
        expect(rated.body.error.details.fields.reviewUrl).toBe("Use an http(s) address");
        const page = await send(endpoints.previewUrl, { body: { url } });
        expect(page.status, page.text).toBe(422);
        expect(page.body.error.details.fields.url).toBe("Use an http(s) address");
      }
    });

    it("refuses a script link in a bulk import line", async () => {
      const line = JSON.stringify({ text: "Hostile link\n\nA paragraph.", title: "Hostile", url: "javascript:alert(1)" });
      const res = await send(endpoints.bulkImport, { rawBody: line, headers: { "content-type": "application/x-ndjson" } });
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.details.errors).toEqual(['line 1: "url": Use an http(s) address']);
    });
  });

  describe("imported files", () => {
    const importLines = (lines: unknown[]) =>
      send(endpoints.bulkImport, { rawBody: lines.map((l) => JSON.stringify(l)).join("\n"), headers: { "content-type": "application/x-ndjson" } });

    it("refuses a JSON Lines article whose strings hold NUL or a lone surrogate, naming line and field", async () => {
      const before = await countRows(fx.ws);
      const nul = await importLines([
        { text: "Title one\n\nA first paragraph.", title: "Fine" },
        { text: "Title two\n\nKim\u0000 visits.", title: "NUL" },
      ]);
      expect(nul.status, nul.text).toBe(422);
      expect(nul.body.error.details.errors).toEqual([expect.stringMatching(/^line 2: "text" contains a NUL character/)]);
      const lone = await importLines([{ text: "Title three\n\nKim visits \uD83D.", title: "Lone" }]);
      expect(lone.status, lone.text).toBe(422);
      expect(lone.body.error.details.errors).toEqual([expect.stringMatching(/^line 1: "text" contains .*unpaired surrogate/)]);
      expect(await countRows(fx.ws)).toEqual(before);
    });

    it("refuses a W3C annotation whose strings hold NUL, naming the annotation", async () => {
      const annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        body: { type: "TextualBody", value: "visit\u0000" },
        target: { source: "urn:x", selector: { type: "TextQuoteSelector", exact: "Kim\u0000" } },
      };
      const res = await send(endpoints.bulkImport, { rawBody: JSON.stringify(annotation), headers: { "content-type": "application/ld+json" } });
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.details.errors).toEqual([expect.stringMatching(/^annotation 1: "body.value" contains a NUL character/)]);
    });

    it("refuses a saved page with NUL bytes in its text instead of storing it altered", async () => {
      const html = `<html><head><title>Kim</title></head><body><article><h1>Kim</h1><p>Kim Jong-un and Vladimir Putin met\u0000 at the cosmodrome for five hours.</p></article></body></html>`;
      const res = await send(endpoints.previewHtml, { rawBody: html, headers: { "content-type": "text/html" } });
      expect(res.status, res.text).toBeLessThan(500);
      expect(res.text).not.toContain("\\u0000");
    });
  });
});
