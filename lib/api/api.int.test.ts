import { readdir } from "node:fs/promises";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-count";
import { endpoints } from "@/lib/api/endpoints";
import { HTTP_METHODS, MAX_BODY_BYTES, type HttpMethod } from "@/lib/api/http";
import { composite, responses } from "@/lib/api/schemas";
import { createWorkspace } from "@/lib/server/workspaces";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as unknownRoute from "@/app/api/v1/[...path]/route";
import * as sourcesRoute from "@/app/api/v1/workspaces/[workspaceId]/sources/route";
import * as sourceRoute from "@/app/api/v1/workspaces/[workspaceId]/sources/[id]/route";
import * as articlesRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/route";
import * as articleRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/[id]/route";
import * as annotationsRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/route";
import * as annotationRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/route";
import * as propositionsRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/route";
import * as propositionRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/[id]/route";
import * as mentionRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/[id]/mentions/[annotationId]/route";
import * as entitiesRoute from "@/app/api/v1/workspaces/[workspaceId]/entities/route";
import * as entityRoute from "@/app/api/v1/workspaces/[workspaceId]/entities/[id]/route";
import * as aliasesRoute from "@/app/api/v1/workspaces/[workspaceId]/entities/[id]/aliases/route";
import * as aliasRoute from "@/app/api/v1/workspaces/[workspaceId]/entities/[id]/aliases/[aliasId]/route";
import * as entityMergeRoute from "@/app/api/v1/workspaces/[workspaceId]/entities/[id]/merge/route";
import * as comparisonRoute from "@/app/api/v1/workspaces/[workspaceId]/comparison/route";
import * as cellQuotesRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/[id]/quotes/route";
import * as searchRoute from "@/app/api/v1/workspaces/[workspaceId]/search/route";
import * as exportRoute from "@/app/api/v1/workspaces/[workspaceId]/exports/[format]/route";
import * as confirmAnchorRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/confirm-anchor/route";
import * as remarkRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/remark/route";
import * as sameValuesRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/[id]/same-values/route";
import * as duplicatesRoute from "@/app/api/v1/workspaces/[workspaceId]/entities/duplicates/route";
import * as claimTypesRoute from "@/app/api/v1/workspaces/[workspaceId]/claim-types/route";
import * as membersRoute from "@/app/api/v1/workspaces/[workspaceId]/members/route";
import * as passageRoute from "@/app/api/v1/workspaces/[workspaceId]/passages/[id]/route";
import { quoteSpan } from "@/lib/domain/anchoring";
import { EXPORT_FORMATS } from "@/lib/validation/exports";
import { call, documented, ORIGIN, type Call, type Handler } from "@/lib/test/api-client";
import { at, newUser } from "@/lib/test/helpers";

// The browser session, as next-auth's auth() would report it; tests switch users by setting it.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

/** Every route file under app/api/v1 (but the catch-all), by its API path: /workspaces/{workspaceId}/…. */
async function routeModules(): Promise<Map<string, Record<HttpMethod | "OPTIONS", Handler>>> {
  const root = path.resolve("app/api/v1");
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith("route.ts") && !f.startsWith("[...path]"));
  const out = new Map<string, Record<HttpMethod | "OPTIONS", Handler>>();
  for (const f of files) out.set(`/${path.dirname(f)}`.replace(/\[(\w+)\]/g, "{$1}"), await import(path.join(root, f)));
  return out;
}

const ARTICLE = `Kim visits the cosmodrome

Published: 13/09/2023

Kim Jong-un and Vladimir Putin met at the Vostochny cosmodrome 🚀 for five hours.

Washington says North Korea shipped artillery shells; Moscow denies it.`;

describe("REST API v1, handlers on a real PostgreSQL", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  let viewer: Awaited<ReturnType<typeof newUser>>;
  let otherWs: { id: string };
  let editorToken: string;
  let viewerToken: string;
  let ws: string;

  beforeAll(async () => {
    owner = await newUser("Owner");
    viewer = await newUser("Viewer");
    ws = owner.workspace.id;
    otherWs = await createWorkspace(owner.user.id, { name: "Second desk" });
    session.userId = owner.user.id;
    const added = await call(membersRoute.POST, `/workspaces/${ws}/members`, {
      method: "POST",
      params: { workspaceId: ws },
      body: { email: viewer.email, role: "VIEWER" },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  });
  beforeEach(() => {
    session.userId = null;
  });
  const claimTypes = async (workspaceId = ws) =>
    documented(
      composite.claimTypes,
      (await call(claimTypesRoute.GET, `/workspaces/${workspaceId}/claim-types`, { token: viewerToken, params: { workspaceId } })).body,
    ).items;
  /** Correct a paragraph through the API, from the text as read. */
  const correct = async (id: string, expectedText: string, text: string) => {
    const res = await call(passageRoute.PATCH, `/workspaces/${ws}/passages/${id}`, {
      method: "PATCH",
      token: editorToken,
      params: { workspaceId: ws, id },
      body: { expectedText, text },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return documented(composite.passageCorrected, res.body);
  };

  describe("tokens", () => {
    it("creates a token in a browser session, shows it once, and never lists it or its hash", async () => {
      session.userId = owner.user.id;
      const res = await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId: ws, name: "script", role: "EDITOR" } });
      expect(res.status).toBe(201);
      const created = documented(composite.tokenCreated, res.body);
      expect(created.token).toMatch(/^cb_/);
      editorToken = created.token;
      viewerToken = (await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId: ws, name: "reader", role: "VIEWER" } })).body.token;

      const list = await call(tokensRoute.GET, `/tokens?workspaceId=${ws}`);
      expect(list.status).toBe(200);
      const { tokenHash } = await getDb().apiToken.findUniqueOrThrow({ where: { id: created.id }, select: { tokenHash: true } });
      expect(list.text).not.toContain(editorToken);
      expect(list.text).not.toContain(tokenHash);
      expect(list.text).not.toMatch(/tokenHash|"token"/);
      expect(documented(composite.tokens, list.body).items.map((t) => t.name)).toEqual(["reader", "script"]);
    });

    it("uses the token on GET /workspaces (its workspace only) and /articles, and records lastUsedAt", async () => {
      session.userId = owner.user.id;
      const bySession = await call(workspacesRoute.GET, "/workspaces");
      expect(bySession.body.items.map((w: { id: string }) => w.id).sort()).toEqual([ws, otherWs.id].sort());
      session.userId = null;

      const byToken = await call(workspacesRoute.GET, "/workspaces", { token: editorToken });
      expect(byToken.status).toBe(200);
      expect(documented(responses.workspaces, byToken.body).items.map((w) => w.id)).toEqual([ws]);
      const articles = await call(articlesRoute.GET, `/workspaces/${ws}/articles`, { token: editorToken, params: { workspaceId: ws } });
      expect(articles.status).toBe(200);
      expect(articles.body).toEqual({ items: [], nextCursor: null });
      const row = await getDb().apiToken.findFirstOrThrow({ where: { workspaceId: ws, name: "script" }, select: { lastUsedAt: true } });
      expect(row.lastUsedAt).not.toBeNull();
    });

    it("answers 404 for another workspace, even one the token's creator belongs to", async () => {
      const res = await call(articlesRoute.GET, `/workspaces/${otherWs.id}/articles`, { token: editorToken, params: { workspaceId: otherWs.id } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: "not_found", message: "Workspace not found", details: {} } });
    });

    it("refuses writes with a viewer token (403), naming the token's role", async () => {
      const res = await call(articlesRoute.POST, `/workspaces/${ws}/articles`, {
        method: "POST",
        token: viewerToken,
        params: { workspaceId: ws },
        body: { text: ARTICLE, title: "x" },
      });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: "forbidden", message: "This token's role (viewer) cannot do this; it needs editor or higher" });
      expect(await getDb().article.count({ where: { workspaceId: ws } })).toBe(0);
    });

    it("refuses a token role above the creator's (403); a viewer may create a viewer token", async () => {
      session.userId = viewer.user.id;
      const res = await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId: ws, name: "mine", role: "EDITOR" } });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe("Your role in this workspace is viewer, so a token can be viewer or lower, not editor");
      expect(res.body.error.details).toEqual({ fields: { role: "At most viewer" } });
      const ok = await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId: ws, name: "mine", role: "VIEWER" } });
      expect(ok.status).toBe(201);
      // The viewer's list holds their own token only.
      const list = await call(tokensRoute.GET, `/tokens?workspaceId=${ws}`);
      expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(["mine"]);
    });

    it("does not let a token create, list or revoke tokens", async () => {
      const res = await call(tokensRoute.POST, "/tokens", { method: "POST", token: editorToken, body: { workspaceId: ws, name: "child", role: "VIEWER" } });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/API tokens cannot manage API tokens/);
      expect((await call(tokensRoute.GET, `/tokens?workspaceId=${ws}`, { token: editorToken })).status).toBe(403);
    });

    it("answers 401 in the one error shape for no credentials, a malformed header, an unknown or a revoked token", async () => {
      const none = await call(articlesRoute.GET, `/workspaces/${ws}/articles`, { params: { workspaceId: ws } });
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(none.body.error.code).toBe("unauthorized");
      const basic = await call(articlesRoute.GET, `/workspaces/${ws}/articles`, { params: { workspaceId: ws }, headers: { authorization: "Basic abc" } });
      expect(basic.status).toBe(401);
      const unknown = await call(workspacesRoute.GET, "/workspaces", { token: `cb_${"A".repeat(43)}` });
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual({ error: { code: "unauthorized", message: "Unknown API token; check that it was copied whole", details: {} } });

      session.userId = owner.user.id;
      const { body: throwaway } = await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId: ws, name: "throwaway", role: "VIEWER" } });
      const revoke = await call(tokenRoute.DELETE, `/tokens/${throwaway.id}?workspaceId=${ws}`, { method: "DELETE", params: { id: throwaway.id } });
      expect(revoke.status).toBe(200);
      expect(documented(responses.token, revoke.body).revokedAt).not.toBeNull();
      session.userId = null;
      const revoked = await call(workspacesRoute.GET, "/workspaces", { token: throwaway.token });
      expect(revoked.status).toBe(401);
      expect(revoked.body.error).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/revoked/) });
    });

    it("refuses a cross-site write with a browser session", async () => {
      session.userId = owner.user.id;
      const res = await call(tokensRoute.POST, "/tokens", {
        method: "POST",
        body: { workspaceId: ws, name: "csrf", role: "VIEWER" },
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect(res.status).toBe(403);
      // Browsers without Sec-Fetch-Site: the Origin decides.
      const byOrigin = await call(tokensRoute.POST, "/tokens", {
        method: "POST",
        body: { workspaceId: ws, name: "csrf", role: "VIEWER" },
        headers: { origin: "https://evil.example" },
      });
      expect(byOrigin.status).toBe(403);
      expect(await getDb().apiToken.count({ where: { name: "csrf" } })).toBe(0);
      const sameSite = await call(tokensRoute.POST, "/tokens", {
        method: "POST",
        body: { workspaceId: ws, name: "from the settings page", role: "VIEWER" },
        headers: { origin: ORIGIN, "sec-fetch-site": "same-origin" },
      });
      expect(sameSite.status).toBe(201);
    });
  });

  describe("request bodies", () => {
    const post = (body: Call) =>
      call(articlesRoute.POST, `/workspaces/${ws}/articles`, { method: "POST", token: editorToken, params: { workspaceId: ws }, ...body });

    it("rejects an unknown field with 422 naming it", async () => {
      const res = await post({ body: { text: ARTICLE, title: "Kim visits", foo: 1 } });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: "validation", message: 'Unrecognized key: "foo"' });
    });

    it("rejects malformed JSON with 400", async () => {
      const res = await post({ rawBody: '{"text": "unterminated' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "bad_request", message: "Request body is not valid JSON" });
    });

    it("rejects a body over 5 MB with 413, declared or streamed", async () => {
      const big = JSON.stringify({ text: "x".repeat(MAX_BODY_BYTES), title: "big" });
      const declared = await post({ rawBody: big });
      expect(declared.status).toBe(413);
      expect(declared.body.error).toMatchObject({ code: "too_large", message: "Request body is larger than the 5 MB limit" });
      // Without Content-Length the stream itself is counted.
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
          for (let i = 0; i < 6; i++) c.enqueue(chunk);
          c.close();
        },
      });
      const streamed = await post({ rawBody: stream });
      expect(streamed.status).toBe(413);
    });

    it("reports field errors from the shared zod schemas", async () => {
      const res = await post({ body: { text: ARTICLE, title: "", url: "not a url" } });
      expect(res.status).toBe(422);
      expect(res.body.error.details.fields).toMatchObject({ title: "Give the article a title", url: "Enter a full URL starting with http:// or https://" });
    });
  });

  describe("articles, claims and pagination", () => {
    let articleId: string;
    let passage: { id: string; text: string };
    let claimTypeId: string;
    const ids: string[] = [];

    it("imports an article (201) and reads it back with passages", async () => {
      const res = await call(articlesRoute.POST, `/workspaces/${ws}/articles`, {
        method: "POST",
        token: editorToken,
        params: { workspaceId: ws },
        body: { text: ARTICLE, title: "Kim visits the cosmodrome", publishedAt: "2023-09-13", publisher: "Example Daily", origins: ["Reuters"] },
      });
      expect(res.status).toBe(201);
      articleId = documented(responses.imported, res.body).id;
      const again = await call(articlesRoute.POST, `/workspaces/${ws}/articles`, {
        method: "POST",
        token: editorToken,
        params: { workspaceId: ws },
        body: { text: ARTICLE, title: "Again" },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.details).toEqual({ articleId });

      const detail = await call(articleRoute.GET, "", { token: viewerToken, params: { workspaceId: ws, id: articleId } });
      expect(detail.status).toBe(200);
      const article = documented(composite.articleDetail, detail.body);
      expect(article.publisher?.name).toBe("Example Daily");
      passage = at(article.passages, 0);
      claimTypeId = at(await claimTypes(), 0).id;
      expect((await call(articleRoute.GET, "", { token: viewerToken, params: { workspaceId: ws, id: "nope" } })).status).toBe(404);
    });

    it("refuses a claim whose offsets fall outside the passage (400 with the reason)", async () => {
      const length = Array.from(passage.text).length;
      const res = await call(annotationsRoute.POST, "", {
        method: "POST",
        token: editorToken,
        params: { workspaceId: ws },
        body: { passageId: passage.id, start: length - 2, end: length + 5, claimTypeId, modality: "ASSERTED" },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("bad_request");
      expect(res.body.error.message.length).toBeGreaterThan(10);
      expect(res.body.error.details.fields.start).toBe(res.body.error.message);
    });

    it("creates claims with code-point offsets and pages through them with nextCursor", async () => {
      const statements: number[] = [];
      for (const word of ["Kim Jong-un", "Vladimir Putin", "five hours"]) {
        const utf16 = passage.text.indexOf(word);
        const start = Array.from(passage.text.slice(0, utf16)).length;
        const { result: res, count } = await countQueries(() =>
          call(annotationsRoute.POST, "", {
            method: "POST",
            token: editorToken,
            params: { workspaceId: ws },
            body: { passageId: passage.id, start, end: start + word.length, exact: word, claimTypeId, modality: "REPORTED", actors: ["Kim"] },
          }),
        );
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        ids.push(documented(responses.annotation, res.body).id);
        statements.push(count);
      }
      // A claim by token is three statements: the token with its membership, what the checks read,
      // the write (the first may also note the token's use, at most once a minute).
      expect(statements.slice(1)).toEqual([3, 3]);
      const first = await call(annotationsRoute.GET, `/workspaces/${ws}/annotations?limit=2&articleId=${articleId}`, {
        token: viewerToken,
        params: { workspaceId: ws },
      });
      expect(first.status).toBe(200);
      const page1 = documented(composite.annotations, first.body);
      expect(page1.items).toHaveLength(2);
      expect(page1.nextCursor).toBe(at(page1.items, 1).id);
      const second = await call(annotationsRoute.GET, `/workspaces/${ws}/annotations?limit=2&articleId=${articleId}&cursor=${page1.nextCursor}`, {
        token: viewerToken,
        params: { workspaceId: ws },
      });
      const page2 = documented(composite.annotations, second.body);
      expect(page2.items).toHaveLength(1);
      expect(page2.nextCursor).toBeNull();
      expect([...page1.items, ...page2.items].map((a) => a.id).sort()).toEqual([...ids].sort());
      expect(at(page2.items, 0).articleId).toBe(articleId);

      const tooMany = await call(annotationsRoute.GET, `/workspaces/${ws}/annotations?limit=101`, { token: viewerToken, params: { workspaceId: ws } });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.error.message).toBe("limit: must be at most 100");
    });

    it("re-cuts a service's pages to the requested limit (articles)", async () => {
      await call(articlesRoute.POST, "", {
        method: "POST",
        token: editorToken,
        params: { workspaceId: ws },
        body: { text: "Second\n\nAnother paragraph entirely.", title: "Second" },
      });
      const p1 = await call(articlesRoute.GET, `/workspaces/${ws}/articles?limit=1`, { token: viewerToken, params: { workspaceId: ws } });
      const page1 = documented(composite.articles, p1.body);
      expect(page1.items.map((a) => a.title)).toEqual(["Second"]);
      expect(page1.nextCursor).not.toBeNull();
      const p2 = await call(articlesRoute.GET, `/workspaces/${ws}/articles?limit=1&cursor=${page1.nextCursor}`, {
        token: viewerToken,
        params: { workspaceId: ws },
      });
      expect(p2.body).toMatchObject({ items: [{ title: "Kim visits the cosmodrome", claims: 3 }], nextCursor: null });
    });

    it("edits a claim partially with a version, and refuses a stale version with 409", async () => {
      const id = at(ids, 0);
      const url = `/workspaces/${ws}/annotations/${id}`;
      const edited = await call(annotationRoute.PATCH, url, {
        method: "PATCH",
        token: editorToken,
        params: { workspaceId: ws, id },
        body: { version: 1, note: "Check with KCNA" },
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const after = documented(responses.annotation, edited.body);
      expect(after).toMatchObject({ version: 2, note: "Check with KCNA", modality: "REPORTED", actors: ["Kim"], claimTypeId });

      const stale = await call(annotationRoute.PATCH, url, {
        method: "PATCH",
        token: editorToken,
        params: { workspaceId: ws, id },
        body: { version: 1, modality: "DENIED" },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
      const unknownKey = await call(annotationRoute.PATCH, url, {
        method: "PATCH",
        token: editorToken,
        params: { workspaceId: ws, id },
        body: { version: 2, id },
      });
      expect(unknownKey.status).toBe(422);
      expect(unknownKey.body.error.message).toBe('Unrecognized key: "id"');
      const noVersion = await call(annotationRoute.PATCH, url, { method: "PATCH", token: editorToken, params: { workspaceId: ws, id }, body: { note: "x" } });
      expect(noVersion.status).toBe(422);
      expect(noVersion.body.error.details.fields).toHaveProperty("version");

      const read = await call(annotationRoute.GET, url, { token: viewerToken, params: { workspaceId: ws, id } });
      expect(documented(composite.annotationWithArticle, read.body).version).toBe(2);
      const staleDelete = await call(annotationRoute.DELETE, `${url}?version=1`, { method: "DELETE", token: editorToken, params: { workspaceId: ws, id } });
      expect(staleDelete.status).toBe(409);
      const deleted = await call(annotationRoute.DELETE, `${url}?version=2`, { method: "DELETE", token: editorToken, params: { workspaceId: ws, id } });
      expect(deleted.body).toEqual({ id });
      expect((await call(annotationRoute.GET, url, { token: viewerToken, params: { workspaceId: ws, id } })).status).toBe(404);
    });

    it("groups claims under propositions, links stances and shows verdicts in the comparison", async () => {
      const p = { workspaceId: ws };
      const created = await call(propositionsRoute.POST, "", {
        method: "POST",
        token: editorToken,
        params: p,
        body: { annotationId: ids[1], statement: "Putin met Kim at Vostochny", stance: "SUPPORTS" },
      });
      expect(created.status).toBe(201);
      const prop = documented(responses.proposition, created.body);
      const linked = await call(mentionRoute.PUT, "", {
        method: "PUT",
        token: editorToken,
        params: { ...p, id: prop.id, annotationId: at(ids, 2) },
        body: { stance: "REFUTES" },
      });
      expect(linked.status, JSON.stringify(linked.body)).toBe(200);
      expect(documented(responses.mention, linked.body)).toEqual({ annotationId: ids[2], propositionId: prop.id, stance: "REFUTES" });

      const detail = await call(propositionRoute.GET, "", { token: viewerToken, params: { ...p, id: prop.id } });
      expect(documented(composite.propositionDetail, detail.body).verdict.kind).toBe("conflict");

      const rated = await call(propositionRoute.PATCH, "", {
        method: "PATCH",
        token: editorToken,
        params: { ...p, id: prop.id },
        body: { ratingLabel: "Confirmed" },
      });
      expect(rated.status, JSON.stringify(rated.body)).toBe(200);
      expect(documented(responses.proposition, rated.body)).toMatchObject({
        statement: "Putin met Kim at Vostochny",
        ratingLabel: "Confirmed",
        ratingValue: null,
        reviewerId: owner.user.id,
      });
      // A value needs its scale, and must lie on it; the old field name is refused.
      const offScale = await call(propositionRoute.PATCH, "", {
        method: "PATCH",
        token: editorToken,
        params: { ...p, id: prop.id },
        body: { ratingValue: 9, ratingBest: 5, ratingWorst: 1 },
      });
      expect(offScale.status).toBe(422);
      expect(offScale.body.error.details.fields).toEqual({ ratingValue: "The value must lie between 1 (worst) and 5 (best)" });
      const scaled = await call(propositionRoute.PATCH, "", {
        method: "PATCH",
        token: editorToken,
        params: { ...p, id: prop.id },
        body: { ratingValue: 5, ratingBest: 5, ratingWorst: 1, reviewUrl: "https://desk.example/checks/vostochny", reviewDate: "2023-09-15" },
      });
      expect(scaled.status, JSON.stringify(scaled.body)).toBe(200);
      expect(documented(responses.proposition, scaled.body)).toMatchObject({
        ratingLabel: "Confirmed",
        ratingValue: 5,
        reviewUrl: "https://desk.example/checks/vostochny",
      });
      expect(
        (await call(propositionRoute.PATCH, "", { method: "PATCH", token: editorToken, params: { ...p, id: prop.id }, body: { verdict: "Confirmed" } })).body
          .error.message,
      ).toBe('Unrecognized key: "verdict"');
      const rating = documented(
        composite.propositionDetail,
        (await call(propositionRoute.GET, "", { token: viewerToken, params: { ...p, id: prop.id } })).body,
      ).rating;
      expect(rating).toEqual({
        label: "Confirmed",
        value: 5,
        best: 5,
        worst: 1,
        url: "https://desk.example/checks/vostochny",
        date: "2023-09-15",
        reviewer: { id: owner.user.id, name: "Owner" },
      });

      const matrix = await call(comparisonRoute.GET, `/workspaces/${ws}/comparison?verdict=conflict&columns=origins`, { token: viewerToken, params: p });
      const m = documented(composite.comparison, matrix.body);
      expect(m.rows.map((r) => r.id)).toEqual([prop.id]);
      expect(at(m.rows, 0).verdict.sentence.length).toBeGreaterThan(0);
      // Each cell carries its stances and count; its quotes come from the proposition's quotes endpoint.
      const [key, cell] = Object.entries(at(m.rows, 0).cells)[0]!;
      const quotesOf = (query: string, token = viewerToken, params = { ...p, id: prop.id }) =>
        call(cellQuotesRoute.GET, `/workspaces/${params.workspaceId}/propositions/${params.id}/quotes?${query}`, { token, params });
      const cellQuotes = documented(composite.cellQuotes, (await quotesOf(`columns=origins&column=${encodeURIComponent(key)}`)).body);
      expect(cellQuotes).toMatchObject({ propositionId: prop.id, column: { key }, count: cell.count });
      expect(cellQuotes.quotes).toHaveLength(cell.count);
      expect(new Set(cellQuotes.quotes.map((q) => q.stance))).toEqual(new Set(cell.stances));
      const noColumn = await quotesOf("columns=origins");
      expect(noColumn.status).toBe(422);
      expect(noColumn.body.error.details.fields).toHaveProperty("column");
      const longColumn = await quotesOf(`column=${"x".repeat(201)}`);
      expect(longColumn.status).toBe(422);
      expect(longColumn.body.error.details.fields.column).toMatch(/200/);
      // Another workspace's proposition is not found, even through a workspace the token may read.
      expect((await quotesOf(`column=${encodeURIComponent(key)}`, viewerToken, { workspaceId: ws, id: crypto.randomUUID() })).status).toBe(404);
      expect((await quotesOf(`column=${encodeURIComponent(key)}`, editorToken, { workspaceId: otherWs.id, id: prop.id })).status).toBe(404);

      const list = await call(propositionsRoute.GET, `/workspaces/${ws}/propositions?q=vostochny`, { token: viewerToken, params: p });
      expect(documented(composite.propositions, list.body).items).toMatchObject([{ id: prop.id, mentionCount: 2 }]);

      const unlinked = await call(mentionRoute.DELETE, "", { method: "DELETE", token: editorToken, params: { ...p, id: prop.id, annotationId: at(ids, 2) } });
      expect(unlinked.body).toEqual({ annotationId: ids[2], propositionId: prop.id });
    });
  });

  describe("entities, sources and search", () => {
    it("creates, renames, aliases and merges entities; path ids stay in the path", async () => {
      const p = { workspaceId: ws };
      const a = documented(
        responses.entity,
        (await call(entitiesRoute.POST, "", { method: "POST", token: editorToken, params: p, body: { name: "North Korea", kind: "COUNTRY" } })).body,
      );
      const b = documented(
        responses.entity,
        (await call(entitiesRoute.POST, "", { method: "POST", token: editorToken, params: p, body: { name: "Bắc Triều Tiên", kind: "COUNTRY" } })).body,
      );

      const renamed = await call(entityRoute.PATCH, "", { method: "PATCH", token: editorToken, params: { ...p, id: a.id }, body: { name: "Triều Tiên" } });
      expect(documented(composite.entityUpdated, renamed.body)).toMatchObject({ name: "Triều Tiên", addedAlias: "Triều Tiên" });
      const repeatsId = await call(entityRoute.PATCH, "", { method: "PATCH", token: editorToken, params: { ...p, id: a.id }, body: { id: b.id, name: "x" } });
      expect(repeatsId.status).toBe(422);
      expect(repeatsId.body.error.message).toMatch(/^Unrecognized key: "id"/);
      const nothing = await call(entityRoute.PATCH, "", { method: "PATCH", token: editorToken, params: { ...p, id: a.id }, body: {} });
      expect(nothing.status).toBe(422);
      expect(nothing.body.error.message).toBe("Change the name, the kind or whom it speaks for");

      const added = await call(aliasesRoute.POST, "", {
        method: "POST",
        token: editorToken,
        params: { ...p, id: b.id },
        body: { alias: "Bắc Hàn", language: "vi" },
      });
      expect(added.status).toBe(201);
      const alias = documented(composite.aliasAdded, added.body).alias;
      // The alias belongs to b, not a: removing it "from a" is not found.
      expect((await call(aliasRoute.DELETE, "", { method: "DELETE", token: editorToken, params: { ...p, id: a.id, aliasId: alias.id } })).status).toBe(404);
      expect((await call(aliasRoute.DELETE, "", { method: "DELETE", token: editorToken, params: { ...p, id: b.id, aliasId: alias.id } })).body).toEqual({
        id: alias.id,
      });

      const merged = await call(entityMergeRoute.POST, "", { method: "POST", token: editorToken, params: { ...p, id: a.id }, body: { sourceId: b.id } });
      expect(merged.status, JSON.stringify(merged.body)).toBe(200);
      expect(documented(composite.entitiesMerged, merged.body).id).toBe(a.id);

      const list = await call(entitiesRoute.GET, `/workspaces/${ws}/entities?q=bac trieu`, { token: viewerToken, params: p });
      expect(documented(composite.entities, list.body).items.map((e) => e.id)).toEqual([a.id]);
    });

    it("lists sources with a cursor and edits one", async () => {
      const p = { workspaceId: ws };
      const first = documented(composite.sources, (await call(sourcesRoute.GET, `/workspaces/${ws}/sources?limit=1`, { token: viewerToken, params: p })).body);
      expect(first.items.map((s) => s.name)).toEqual(["Example Daily"]);
      const rest = documented(
        composite.sources,
        (await call(sourcesRoute.GET, `/workspaces/${ws}/sources?limit=1&cursor=${first.nextCursor}`, { token: viewerToken, params: p })).body,
      );
      expect(rest).toMatchObject({ items: [{ name: "Reuters" }], nextCursor: null });

      const edited = await call(sourceRoute.PATCH, "", {
        method: "PATCH",
        token: editorToken,
        params: { ...p, id: at(first.items, 0).id },
        body: { upstreamId: at(rest.items, 0).id, country: "" },
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(documented(responses.source, edited.body)).toMatchObject({ upstream: { name: "Reuters" }, country: null });
      const loop = await call(sourceRoute.PATCH, "", {
        method: "PATCH",
        token: editorToken,
        params: { ...p, id: at(rest.items, 0).id },
        body: { upstreamId: at(first.items, 0).id },
      });
      expect(loop.status).toBe(400);
      expect(loop.body.error.message).toMatch(/cycle/);
    });

    it("searches the workspace", async () => {
      const res = await call(searchRoute.GET, `/workspaces/${ws}/search?q=cosmodrome&kinds=passage,claim`, { token: viewerToken, params: { workspaceId: ws } });
      expect(res.status).toBe(200);
      const r = documented(composite.search, res.body);
      expect(r.groups.map((g) => g.kind)).toEqual(["passage", "claim"]);
      expect(at(r.groups, 0).total).toBeGreaterThan(0);
      const short = await call(searchRoute.GET, `/workspaces/${ws}/search?q=x`, { token: viewerToken, params: { workspaceId: ws } });
      expect(short.status).toBe(400);
    });

    it("answers unknown API paths with a JSON 404, whatever the method and however deep", async () => {
      for (const url of ["/nothing/here", `/workspaces/${ws}/articles/${crypto.randomUUID()}/nothing/deeper`, `/workspaces/${ws}`]) {
        for (const method of [...HTTP_METHODS, "OPTIONS"] as const) {
          // biome-ignore lint/performance/noDynamicNamespaceImportAccess: a test looping over every HTTP method of the catch-all route
          const res = await call(unknownRoute[method], url, { method, token: viewerToken, params: { path: url.split("/").filter(Boolean) } });
          expect(res.status, `${method} ${url}`).toBe(404);
          expect(res.body).toEqual({ error: { code: "not_found", message: `No API endpoint at /api/v1${url}; see /api/v1/openapi.json`, details: {} } });
        }
      }
    });
  });

  describe("several speakers, counted details, article metadata, anchors and duplicates", () => {
    const p = () => ({ workspaceId: ws });
    const KIM = "Kim Jong-un đã đến sân bay vũ trụ Vostochny";
    // Everything but the body is in the text's own lines: heading, date, credit (byline/publisher, origin), link.
    const VOV = `Kim đến Vostochny

Đăng ngày: 13/09/2023

Nhà lãnh đạo Triều Tiên ${KIM} bằng tàu bọc thép.

Hai bên hội đàm hơn bốn giờ về hợp tác quân sự.

Minh An/VOV.VN biên dịch Nguồn: Reuters

Nguồn VOV: https://vov.vn/the-gioi/kim-den-vostochny-post1.vov`;
    let articleId: string;
    let passage: { id: string; text: string };
    let claimTypeId: string;
    let kim: { id: string; name: string };
    let claim: z.output<typeof responses.annotation>;
    const post = (handler: Handler, params: Record<string, string>, body: unknown) =>
      call(handler, "", { method: "POST", token: editorToken, params: { ...p(), ...params }, body });

    it("imports an article from its text alone: title, date, publisher, origins, link and the metadata lines", async () => {
      const res = await post(articlesRoute.POST, {}, { text: VOV });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(documented(responses.imported, res.body)).toMatchObject({ title: "Kim đến Vostochny", passages: 2, warnings: [] });
      articleId = res.body.id;
      const detail = documented(composite.articleDetail, (await call(articleRoute.GET, "", { token: viewerToken, params: { ...p(), id: articleId } })).body);
      expect(detail).toMatchObject({
        title: "Kim đến Vostochny",
        publishedAt: "2023-09-13",
        publisher: { name: "VOV.VN" },
        origins: [{ name: "Reuters" }],
        byline: "Minh An",
        url: "https://vov.vn/the-gioi/kim-den-vostochny-post1.vov",
        language: "vi",
        version: 1,
      });
      expect(detail.metadataLines).toEqual([
        { text: "Kim đến Vostochny", kind: "title" },
        { text: "Đăng ngày: 13/09/2023", kind: "date" },
        { text: "Minh An/VOV.VN biên dịch Nguồn: Reuters", kind: "credit" },
        { text: "Nguồn VOV: https://vov.vn/the-gioi/kim-den-vostochny-post1.vov", kind: "url" },
      ]);
      expect(detail.passages.map((x) => x.text)).toEqual([
        `Nhà lãnh đạo Triều Tiên ${KIM} bằng tàu bọc thép.`,
        "Hai bên hội đàm hơn bốn giờ về hợp tác quân sự.",
      ]);
      passage = at(detail.passages, 0);
      claimTypeId = (await claimTypes()).find((t) => t.key === "visit")!.id;

      const script = await post(articlesRoute.POST, {}, { text: "Một bài khác hẳn.\n\nVới đoạn thứ hai.", url: "javascript:alert(1)" });
      expect(script.status).toBe(422);
      expect(script.body.error.details.fields.url).toMatch(/http/);
    });

    it("corrects the metadata with PATCH and the version read; a stale version is a 409 and a script link a 422", async () => {
      const url = `/workspaces/${ws}/articles/${articleId}`;
      const patch = (body: unknown) => call(articleRoute.PATCH, url, { method: "PATCH", token: editorToken, params: { ...p(), id: articleId }, body });
      const res = await patch({ version: 1, publisher: "VnExpress", origins: ["Reuters", "TASS"], byline: null });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(documented(composite.articleUpdated, res.body)).toMatchObject({
        version: 2,
        publisher: { name: "VnExpress" },
        origins: [{ name: "Reuters" }, { name: "TASS" }],
        byline: null,
        publishedAt: "2023-09-13",
        redatedClaims: 0,
      });
      const stale = await patch({ version: 1, title: "Stale" });
      expect(stale.status).toBe(409);
      expect(stale.body.error.details).toEqual({ currentVersion: 2 });
      const script = await patch({ version: 2, url: "javascript:alert(1)" });
      expect(script.status).toBe(422);
      expect(script.body.error.details.fields).toHaveProperty("url");
      expect((await patch({ version: 2, id: articleId, title: "x" })).status).toBe(422);
      const detail = documented(composite.articleDetail, (await call(articleRoute.GET, url, { token: viewerToken, params: { ...p(), id: articleId } })).body);
      expect(detail).toMatchObject({ version: 2, title: "Kim đến Vostochny", url: "https://vov.vn/the-gioi/kim-den-vostochny-post1.vov" });
    });

    it("marks a claim with an entity and a source speaking, entity actors and counts; a foreign speaker is a 422 on speakers.N", async () => {
      const created = await post(entitiesRoute.POST, {}, { name: "Kim Jong Un", kind: "PERSON" });
      expect(created.status).toBe(201);
      kim = documented(responses.entity, created.body);
      const vnx = at(
        documented(composite.sources, (await call(sourcesRoute.GET, `/workspaces/${ws}/sources?q=vnexpress`, { token: viewerToken, params: p() })).body).items,
        0,
      );
      const span = quoteSpan(passage.text, KIM)!;
      const body = { passageId: passage.id, ...span, exact: KIM, claimTypeId, modality: "REPORTED" };
      const res = await post(
        annotationsRoute.POST,
        {},
        {
          ...body,
          speakers: [{ entityId: kim.id }, { sourceId: vnx.id }],
          actorEntityIds: [kim.id],
          fields: { date: "13/9", quantities: [{ value: "hai", item: "đoàn tàu" }] },
        },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      claim = documented(responses.annotation, res.body);
      expect(claim).toMatchObject({
        speakers: [
          { type: "entity", id: kim.id, name: "Kim Jong Un" },
          { type: "source", id: vnx.id, name: "VnExpress" },
        ],
        actorEntities: [{ id: kim.id, name: "Kim Jong Un" }],
        fields: { date: "13/9", dateValue: "2023-09-13", datePrecision: "day", quantities: [{ value: "hai", item: "đoàn tàu" }] },
        needsReview: false,
        anchorReview: null,
      });

      session.userId = owner.user.id;
      const foreign = (
        await call(entitiesRoute.POST, "", { method: "POST", params: { workspaceId: otherWs.id }, body: { name: "Kim Jong Un", kind: "PERSON" } })
      ).body;
      session.userId = null;
      const bad = await post(annotationsRoute.POST, {}, { ...body, speakers: [{ entityId: kim.id }, { entityId: foreign.id }] });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.fields).toEqual({ "speakers.1": "Choose a speaker from this workspace" });
      const both = await post(annotationsRoute.POST, {}, { ...body, speakers: [{ entityId: kim.id, sourceId: vnx.id }] });
      expect(both.status).toBe(422);
      const many = await post(annotationsRoute.POST, {}, { ...body, fields: { quantities: [{ value: "nhiều" }] } });
      expect(many.status).toBe(422);
      expect(many.body.error.details.fields).toHaveProperty(["fields.quantities.0.value"]);
      const old = await post(annotationsRoute.POST, {}, { ...body, speaker: { entityId: kim.id } });
      expect(old.body.error.message).toBe('Unrecognized key: "speaker"');

      // A partial edit keeps the speakers and details it does not mention.
      const edited = await call(annotationRoute.PATCH, "", {
        method: "PATCH",
        token: editorToken,
        params: { ...p(), id: claim.id },
        body: { version: claim.version, modality: "ALLEGED" },
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      claim = documented(responses.annotation, edited.body);
      expect(claim).toMatchObject({
        modality: "ALLEGED",
        speakers: [{ id: kim.id }, { id: vnx.id }],
        actorEntities: [{ id: kim.id }],
        fields: { dateValue: "2023-09-13" },
      });
    });

    it("confirms an uncertain re-anchoring and re-marks an orphaned claim", async () => {
      const reworded = passage.text.replace("đã đến", "vừa đặt chân tới");
      const correction = await correct(passage.id, passage.text, reworded);
      expect(correction.changes).toEqual([
        expect.objectContaining({ id: claim.id, outcome: "needs_review", before: KIM, after: "Kim Jong-un vừa đặt chân tới sân bay vũ trụ Vostochny" }),
      ]);
      const waiting = documented(
        composite.annotationWithArticle,
        (await call(annotationRoute.GET, "", { token: viewerToken, params: { ...p(), id: claim.id } })).body,
      );
      expect(waiting).toMatchObject({ needsReview: true, anchorReview: { before: { exact: KIM } } });

      const viewerTry = await call(confirmAnchorRoute.POST, "", {
        method: "POST",
        token: viewerToken,
        params: { ...p(), id: claim.id },
        body: { version: waiting.version },
      });
      expect(viewerTry.status).toBe(403);
      const confirmed = await post(confirmAnchorRoute.POST, { id: claim.id }, { version: waiting.version });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(documented(responses.annotation, confirmed.body)).toMatchObject({ needsReview: false, anchorReview: null, version: waiting.version + 1 });
      const again = await post(confirmAnchorRoute.POST, { id: claim.id }, { version: waiting.version + 1 });
      expect(again.status).toBe(409);

      await correct(passage.id, reworded, "Đoàn tàu dừng ở ga Khasan trước khi vào Nga.");
      const orphan = documented(
        composite.annotationWithArticle,
        (await call(annotationRoute.GET, "", { token: viewerToken, params: { ...p(), id: claim.id } })).body,
      );
      expect(orphan.orphaned).toBe(true);
      const words = "dừng ở ga Khasan";
      const mismatch = await post(remarkRoute.POST, { id: claim.id }, { version: orphan.version, start: 0, end: 5, exact: words });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.error.details.fields).toHaveProperty("exact");
      const remarked = await post(
        remarkRoute.POST,
        { id: claim.id },
        { version: orphan.version, ...quoteSpan("Đoàn tàu dừng ở ga Khasan trước khi vào Nga.", words)!, exact: words },
      );
      expect(remarked.status, JSON.stringify(remarked.body)).toBe(200);
      expect(documented(responses.annotation, remarked.body)).toMatchObject({
        orphaned: false,
        needsReview: false,
        exact: words,
        speakers: [{ id: kim.id }, expect.anything()],
      });
    });

    it("marks two detail values the same, which settles a detail conflict", async () => {
      const gift = (await claimTypes()).find((t) => t.key === "gift")!.id;
      // Two outlets, each its own origin, give the count as a digit and as a word.
      const report = async (publisher: string, count: string) => {
        const exact = `Ông Kim được tặng ${count} UAV tấn công`;
        const imported = await post(
          articlesRoute.POST,
          {},
          { text: `${exact} ở Primorye.\n\nTheo ${publisher}.`, title: `Quà tặng (${publisher})`, publisher, publishedAt: "2023-09-18" },
        );
        expect(imported.status, JSON.stringify(imported.body)).toBe(201);
        const target = at(
          documented(composite.articleDetail, (await call(articleRoute.GET, "", { token: viewerToken, params: { ...p(), id: imported.body.id } })).body)
            .passages,
          0,
        );
        const res = await post(
          annotationsRoute.POST,
          {},
          {
            passageId: target.id,
            ...quoteSpan(target.text, exact)!,
            exact,
            claimTypeId: gift,
            modality: "REPORTED",
            fields: { quantities: [{ value: count, item: "UAV tấn công" }] },
          },
        );
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.id as string;
      };
      const a = await report("Báo Một", "5");
      const b = await report("Báo Khác", "sáu");
      const prop = documented(
        responses.proposition,
        (await post(propositionsRoute.POST, {}, { annotationId: a, statement: "Kim was given attack drones" })).body,
      );
      await call(mentionRoute.PUT, "", { method: "PUT", token: editorToken, params: { ...p(), id: prop.id, annotationId: b }, body: { stance: "SUPPORTS" } });
      const read = async () =>
        documented(composite.propositionDetail, (await call(propositionRoute.GET, "", { token: viewerToken, params: { ...p(), id: prop.id } })).body);
      const before = await read();
      expect(before.verdict.kind).toBe("detail_conflict");
      const keys = at(before.verdict.detailConflicts, 0).values.map((v) => v.key);

      const marked = await post(sameValuesRoute.POST, { id: prop.id }, { field: "quantity", keys });
      expect(marked.status, JSON.stringify(marked.body)).toBe(200);
      expect(documented(composite.sameValues, marked.body)).toEqual({ propositionId: prop.id, sameValues: [{ field: "quantity", keys: [...keys].sort() }] });
      const after = await read();
      expect(after.verdict).toMatchObject({ kind: "agree", detailConflicts: [] });
      expect(after.sameValues).toEqual([{ field: "quantity", keys: [...keys].sort() }]);
      expect((await post(sameValuesRoute.POST, { id: prop.id }, { field: "colour", keys })).status).toBe(422);
      expect((await post(sameValuesRoute.POST, { id: crypto.randomUUID() }, { field: "quantity", keys })).status).toBe(404);
    });

    it("lists likely duplicate entities, and refuses a name that is already another entity's", async () => {
      const twin = await post(entitiesRoute.POST, {}, { name: "Kim Jong-un", kind: "PERSON" });
      expect(twin.status).toBe(201);
      const res = await call(duplicatesRoute.GET, `/workspaces/${ws}/entities/duplicates`, { token: viewerToken, params: p() });
      expect(res.status).toBe(200);
      const { items } = documented(composite.likelyDuplicates, res.body);
      expect(items.some((d) => [d.a.id, d.b.id].sort().join() === [kim.id, twin.body.id].sort().join())).toBe(true);
      const clash = await post(entitiesRoute.POST, {}, { name: "KIM JONG UN", kind: "PERSON" });
      expect(clash.status).toBe(409);
      expect(clash.body.error.details.existing).toEqual({ id: kim.id, name: "Kim Jong Un", kind: "PERSON" });
    });
  });

  describe("OpenAPI document", () => {
    it("is OpenAPI 3.1 JSON with every main path, the error shape and bearer security", async () => {
      const res = await call(openapiRoute.GET, "/openapi.json");
      expect(res.status).toBe(200);
      const doc = JSON.parse(res.text);
      expect(doc.openapi).toBe("3.1.0");
      for (const p of [
        "/workspaces",
        "/tokens",
        "/tokens/{id}",
        "/workspaces/{workspaceId}/sources/{id}",
        "/workspaces/{workspaceId}/articles",
        "/workspaces/{workspaceId}/annotations/{id}",
        "/workspaces/{workspaceId}/propositions/{id}/mentions/{annotationId}",
        "/workspaces/{workspaceId}/entities/{id}/aliases/{aliasId}",
        "/workspaces/{workspaceId}/comparison",
        "/workspaces/{workspaceId}/propositions/{id}/quotes",
        "/workspaces/{workspaceId}/search",
        "/workspaces/{workspaceId}/articles/{id}",
        "/workspaces/{workspaceId}/annotations/{id}/confirm-anchor",
        "/workspaces/{workspaceId}/annotations/{id}/remark",
        "/workspaces/{workspaceId}/propositions/{id}/same-values",
        "/workspaces/{workspaceId}/entities/duplicates",
        "/workspaces/{workspaceId}/claim-types/{id}",
        "/workspaces/{workspaceId}/members/{id}",
        "/workspaces/{workspaceId}/passages/{id}",
        "/workspaces/{workspaceId}/imports",
        "/workspaces/{workspaceId}/articles/preview/url",
        "/workspaces/{workspaceId}/annotations/{id}/suggestions",
        "/workspaces/{workspaceId}/sessions/{id}",
        "/workspaces/{workspaceId}/sessions/{id}/agreement",
        "/workspaces/{workspaceId}/sessions/{id}/articles/{articleId}/curation",
        "/workspaces/{workspaceId}/sessions/{id}/decisions/{decisionId}",
      ]) {
        expect(doc.paths, p).toHaveProperty([p]);
      }
      expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
      expect(doc.components.schemas.Error.properties.error.required).toEqual(["code", "message", "details"]);
      const post = doc.paths["/workspaces/{workspaceId}/articles"].post;
      // Only the text is required: metadata left out is detected from it.
      expect(post.requestBody.content["application/json"].schema).toMatchObject({ additionalProperties: false, required: ["text"] });
      expect(Object.keys(post.requestBody.content["application/json"].schema.properties)).toEqual(
        expect.arrayContaining(["title", "publisher", "origins", "url"]),
      );
      const patch = doc.paths["/workspaces/{workspaceId}/sources/{id}"].patch.requestBody.content["application/json"].schema;
      expect(Object.keys(patch.properties)).not.toContain("id");
      const listParams = doc.paths["/workspaces/{workspaceId}/annotations"].get.parameters.map((x: { name: string }) => x.name);
      expect(listParams).toEqual(expect.arrayContaining(["workspaceId", "cursor", "limit", "articleId", "claimTypeId", "sessionId"]));
      const claimBody = doc.paths["/workspaces/{workspaceId}/annotations"].post.requestBody.content["application/json"].schema;
      expect(claimBody.properties.sessionId.description).toMatch(/annotation session/);
    });

    it("documents the sessions: blind mode and the counting rule, capabilities, and the agreement as JSON or a CSV attachment", async () => {
      const { body: doc } = await call(openapiRoute.GET, "/openapi.json");
      const ops = Object.values<Record<string, { tags: string[]; "x-capability": string }>>(doc.paths)
        .flatMap((byMethod) => Object.values(byMethod))
        .filter((op) => op.tags[0] === "Sessions");
      expect(ops).toHaveLength(14);
      const create = doc.paths["/workspaces/{workspaceId}/sessions"].post;
      expect(create).toMatchObject({ "x-capability": "sessions.manage", "x-min-role": "EDITOR" });
      expect(create.description).toMatch(/Blind mode/);
      expect(create.description).toMatch(/never count/);
      const patch = doc.paths["/workspaces/{workspaceId}/sessions/{id}"].patch.requestBody.content["application/json"].schema;
      expect(Object.keys(patch.properties)).not.toContain("id");
      expect(patch.required).toEqual(["version"]);
      expect(doc.paths["/workspaces/{workspaceId}/sessions/{id}"].delete.parameters.map((x: { name: string }) => x.name)).toEqual([
        "workspaceId",
        "id",
        "version",
      ]);
      expect(doc.paths["/workspaces/{workspaceId}/sessions/{id}/assignments/status"].patch["x-capability"]).toBe("claims.write");
      const curation = doc.paths["/workspaces/{workspaceId}/sessions/{id}/articles/{articleId}/curation"].get;
      expect(curation["x-capability"]).toBe("claims.review");
      expect(curation.parameters.find((x: { name: string }) => x.name === "articleId").schema).toEqual({ type: "string", format: "uuid" });
      const agreement = doc.paths["/workspaces/{workspaceId}/sessions/{id}/agreement"].get;
      expect(Object.keys(agreement.responses["200"].content).sort()).toEqual(["application/json", "text/csv"]);
      expect(agreement.parameters.map((x: { name: string }) => x.name)).toEqual(["workspaceId", "id", "format"]);
      expect(agreement.description).toMatch(/Cohen's kappa/);
      expect(agreement.description).toMatch(/Krippendorff's alpha/);
    });

    it("holds only valid JSON Schemas (2020-12)", () => {
      const ajv = new Ajv2020({ strict: false, validateFormats: false });
      type Content = Record<string, { schema: object }>;
      return call(openapiRoute.GET, "/openapi.json").then(({ body: doc }) => {
        for (const [p, ops] of Object.entries<Record<string, { requestBody?: { content: Content }; responses: Record<string, { content?: Content }> }>>(
          doc.paths,
        )) {
          for (const [method, op] of Object.entries(ops)) {
            const schemas = [
              ...Object.values(op.requestBody?.content ?? {}),
              ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {})),
            ].map((c) => c.schema);
            for (const s of schemas) if (!("$ref" in s)) expect(() => ajv.compile(s), `${method} ${p}`).not.toThrow();
          }
        }
      });
    });

    it("documents each file upload with the media types it reads, and 415 for others", async () => {
      const { body: doc } = await call(openapiRoute.GET, "/openapi.json");
      const upload = (p: string) => doc.paths[`/workspaces/{workspaceId}${p}`].post;
      expect(Object.keys(upload("/imports").requestBody.content).sort()).toEqual(["application/json", "application/ld+json", "application/x-ndjson"]);
      expect(Object.keys(upload("/articles/preview/html").requestBody.content)).toEqual(["text/html"]);
      for (const p of ["/imports", "/articles/preview/html"])
        expect(Object.keys(upload(p).responses)).toEqual(expect.arrayContaining(["400", "413", "415", "422"]));
      expect(upload("/imports").parameters.map((x: { name: string }) => x.name)).toEqual(["workspaceId", "fileName", "kind", "Idempotency-Key"]);
      expect(upload("/imports").description).toMatch(/details\.errors/);
      const passage = doc.paths["/workspaces/{workspaceId}/passages/{id}"].patch;
      expect(passage.description).toMatch(/expectedText/);
      expect(passage.requestBody.content["application/json"].schema.required.sort()).toEqual(["expectedText", "text"]);
      expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(
        expect.arrayContaining(["method_not_allowed", "unsupported_media_type"]),
      );
    });

    it("documents the export: its formats and filters, and the media type each format really answers with", async () => {
      const { body: doc } = await call(openapiRoute.GET, "/openapi.json");
      const op = doc.paths["/workspaces/{workspaceId}/exports/{format}"].get;
      const params = Object.fromEntries(op.parameters.map((p: { name: string }) => [p.name, p]));
      expect(params.format).toMatchObject({ in: "path", schema: { enum: [...EXPORT_FORMATS] } });
      for (const name of ["claimTypeId", "verdict", "entityId", "sourceId", "from", "to", "sessionId", "articleId", "propositionIds"])
        expect(params[name], name).toMatchObject({ in: "query", required: false });
      expect(op.description).toMatch(/memory stays flat/);
      expect(op.description).toMatch(/formula injection/);
      const media = Object.keys(op.responses["200"].content);
      expect(media.sort()).toEqual(["application/ld+json", "application/x-ndjson", "text/csv", "text/markdown"]);
      for (const format of EXPORT_FORMATS) {
        const req = new Request(`${ORIGIN}/api/v1/workspaces/${ws}/exports/${format}`, { headers: { authorization: `Bearer ${viewerToken}` } });
        const res = await exportRoute.GET(req, { params: Promise.resolve({ workspaceId: ws, format }) });
        await res.text();
        expect(res.status, format).toBe(200);
        expect(media, format).toContain(res.headers.get("content-type")?.split(";")[0]);
      }
    });

    it("has a route file for every documented path; its documented methods answer, any other is a 405 naming them in Allow", async () => {
      const modules = await routeModules();
      const documentedPaths = new Map<string, HttpMethod[]>();
      for (const e of Object.values(endpoints)) documentedPaths.set(e.path, [...(documentedPaths.get(e.path) ?? []), e.method]);
      // 54 + 8 for invitations, leaving and presence, + 6 for review (queue, submit, review, bulk approve, settings GET/PATCH),
      // + 13 for comments, history and the inbox, + 2 for live updates (the stream and its JSON log),
      // + 14 for annotation sessions (CRUD, assignments and status, reveal/close/reopen, agreement, curation, decisions),
      // + 1 for the password change (a route, not a server action: lib/auth/change-password.ts).
      expect(Object.keys(endpoints)).toHaveLength(99);
      expect([...modules.keys()].sort()).toEqual([...documentedPaths.keys()].sort());
      for (const [apiPath, ops] of documentedPaths) {
        const allowed = HTTP_METHODS.filter((m) => ops.includes(m));
        // Ids that exist nowhere: a documented method gets as far as "not found" or a refused body, never 405.
        const params = Object.fromEntries(
          [...apiPath.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, name === "workspaceId" ? ws : name === "format" ? "csv" : crypto.randomUUID()]),
        );
        const url = apiPath.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
        for (const method of HTTP_METHODS) {
          const res = await call(modules.get(apiPath)![method], url, { method, token: editorToken, params });
          if (allowed.includes(method)) {
            expect(res.status, `${method} ${apiPath}`).not.toBe(405);
            continue;
          }
          expect(res.status, `${method} ${apiPath}`).toBe(405);
          expect(res.headers.get("allow"), `${method} ${apiPath}`).toBe(allowed.join(", "));
          expect(res.body).toEqual({
            error: {
              code: "method_not_allowed",
              message: `${method} is not allowed here; this path answers ${allowed.join(", ")}`,
              details: { method, allowed },
            },
          });
        }
        const options = await call(modules.get(apiPath)!.OPTIONS, url, { method: "OPTIONS", params });
        expect([options.status, options.headers.get("allow")], `OPTIONS ${apiPath}`).toEqual([204, allowed.join(", ")]);
      }
    });
  });
});
