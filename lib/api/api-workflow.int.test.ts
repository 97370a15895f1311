import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { MAX_BODY_BYTES } from "@/lib/api/http";
import { composite, responses } from "@/lib/api/schemas";
import { quoteSpan } from "@/lib/domain/anchoring";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as claimTypesRoute from "@/app/api/v1/workspaces/[workspaceId]/claim-types/route";
import * as claimTypeRoute from "@/app/api/v1/workspaces/[workspaceId]/claim-types/[id]/route";
import * as membersRoute from "@/app/api/v1/workspaces/[workspaceId]/members/route";
import * as memberRoute from "@/app/api/v1/workspaces/[workspaceId]/members/[id]/route";
import * as sourcesRoute from "@/app/api/v1/workspaces/[workspaceId]/sources/route";
import * as sourceRoute from "@/app/api/v1/workspaces/[workspaceId]/sources/[id]/route";
import * as articlesRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/route";
import * as articleRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/[id]/route";
import * as previewRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/preview/route";
import * as previewHtmlRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/preview/html/route";
import * as previewUrlRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/preview/url/route";
import * as importsRoute from "@/app/api/v1/workspaces/[workspaceId]/imports/route";
import * as passageRoute from "@/app/api/v1/workspaces/[workspaceId]/passages/[id]/route";
import * as annotationsRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/route";
import * as suggestionsRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/suggestions/route";
import * as entitiesRoute from "@/app/api/v1/workspaces/[workspaceId]/entities/route";
import * as propositionsRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/route";
import * as mentionRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/[id]/mentions/[annotationId]/route";
import * as comparisonRoute from "@/app/api/v1/workspaces/[workspaceId]/comparison/route";
import * as exportRoute from "@/app/api/v1/workspaces/[workspaceId]/exports/[format]/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { call, documented, type Call, type Handler } from "@/lib/test/api-client";
import { at, newUser, take, type TestUser } from "@/lib/test/helpers";

// The browser session, only to create the first tokens (token management is session-only).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const ALLEGATION = "Triều Tiên đã chuyển đạn pháo cho Nga";
const DENIAL = "Điện Kremlin bác bỏ thông tin Nga mua vũ khí của Triều Tiên";
const P0 = `Nhà Trắng nói ${ALLEGATION} để đổi lấy công nghệ vệ tinh.`;
const P1 = `${DENIAL}, gọi đó là tin đồn vô căn cứ.`;
// Everything but the body is in the text's own lines: heading, date, credit, link.
const ARTICLE = `Triều Tiên bị cáo buộc chuyển đạn pháo

Đăng ngày: 14/09/2023

${P0}

${P1}

Minh An/VOV.VN biên dịch Nguồn: Reuters

Nguồn VOV: https://vov.vn/the-gioi/dan-phao-post2.vov`;

/** A fresh desk whose owner holds an OWNER token (made in a browser session, as the settings page does) and an EDITOR one. */
async function desk(name: string) {
  const user = await newUser(name);
  session.userId = user.user.id;
  const mint = async (role: string) => {
    const res = await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId: user.workspace.id, name: `${role} script`, role } });
    expect(res.status).toBe(201);
    return documented(composite.tokenCreated, res.body).token;
  };
  const owner = await mint("OWNER");
  const editor = await mint("EDITOR");
  session.userId = null;
  return { user, ws: user.workspace.id, owner, editor };
}

type Desk = Awaited<ReturnType<typeof desk>>;

/** Calls on one desk's workspace with a token: `api(handler, "/members", { method: "POST", body })`. */
function client(d: Desk, token = d.owner) {
  return (handler: Handler, path: string, opts: Call & { ids?: Record<string, string> } = {}) =>
    call(handler, `/workspaces/${d.ws}${path}`, { token, ...opts, params: { workspaceId: d.ws, ...opts.ids } });
}

const ndjson = (...rows: unknown[]) => rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");

describe("REST API v1: everything the UI does, with a token alone", () => {
  let a: Desk;
  let b: Desk;
  let api: ReturnType<typeof client>;
  const ids = {} as {
    article: string;
    p0: string;
    p1: string;
    allegation: string;
    denial: string;
    proposition: string;
    vov: string;
    reuters: string;
    armsTransfer: string;
    kremlin: string;
  };

  beforeAll(async () => {
    a = await desk("Desk A");
    b = await desk("Desk B");
    api = client(a);
  });
  beforeEach(() => {
    session.userId = null;
  });

  it("imports, marks, corrects, groups, compares, exports and manages the workspace through the API", async () => {
    // 1. Claim types: what a fresh workspace offers for marking.
    const types = documented(composite.claimTypes, (await api(claimTypesRoute.GET, "/claim-types")).body).items;
    const typeId = (key: string) => types.find((t) => t.key === key)!.id;
    expect(types.map((t) => t.key)).toEqual(expect.arrayContaining(["arms_transfer", "denial"]));
    ids.armsTransfer = typeId("arms_transfer");

    // 2. Preview: the metadata and passages detected, nothing stored.
    const preview = await api(previewRoute.POST, "/articles/preview", { method: "POST", body: { text: ARTICLE, fileName: "dan-phao.txt" } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(documented(composite.importPreview, preview.body)).toMatchObject({
      fileName: "dan-phao.txt",
      duplicateOf: null,
      parsed: {
        title: "Triều Tiên bị cáo buộc chuyển đạn pháo",
        publishedAt: "2023-09-14",
        publisher: "VOV.VN",
        origins: ["Reuters"],
        byline: "Minh An",
        passages: [{ text: P0 }, { text: P1 }],
      },
    });
    expect(await getDb().article.count({ where: { workspaceId: a.ws } })).toBe(0);

    // 3. Import from the text alone: the metadata is what the text's own lines say.
    const imported = await api(articlesRoute.POST, "/articles", { method: "POST", body: { text: ARTICLE } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    ids.article = documented(responses.imported, imported.body).id;
    const article = documented(composite.articleDetail, (await api(articleRoute.GET, `/articles/${ids.article}`, { ids: { id: ids.article } })).body);
    expect(article).toMatchObject({
      title: "Triều Tiên bị cáo buộc chuyển đạn pháo",
      publishedAt: "2023-09-14",
      publisher: { name: "VOV.VN" },
      origins: [{ name: "Reuters" }],
      url: "https://vov.vn/the-gioi/dan-phao-post2.vov",
    });
    [ids.p0, ids.p1] = take(
      article.passages.map((p) => p.id),
      2,
    );
    ids.vov = article.publisher!.id;
    ids.reuters = at(article.origins, 0).id;
    const again = await api(previewRoute.POST, "/articles/preview", { method: "POST", body: { text: ARTICLE } });
    expect(again.body.duplicateOf).toEqual({ id: ids.article, title: "Triều Tiên bị cáo buộc chuyển đạn pháo" });

    // 4. Two claims; the allegation has two speakers, in order.
    const entity = async (name: string, kind: string) =>
      documented(responses.entity, (await api(entitiesRoute.POST, "/entities", { method: "POST", body: { name, kind } })).body).id;
    const whiteHouse = await entity("Nhà Trắng", "ORGANIZATION");
    ids.kremlin = await entity("Điện Kremlin", "ORGANIZATION");
    const actors = [await entity("Triều Tiên", "COUNTRY"), await entity("Nga", "COUNTRY")];
    const mark = async (passageId: string, text: string, exact: string, body: Record<string, unknown>) => {
      const res = await api(annotationsRoute.POST, "/annotations", {
        method: "POST",
        body: { passageId, ...quoteSpan(text, exact)!, exact, actorEntityIds: actors, ...body },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return documented(responses.annotation, res.body);
    };
    const allegation = await mark(ids.p0, P0, ALLEGATION, {
      claimTypeId: ids.armsTransfer,
      modality: "ALLEGED",
      speakers: [{ entityId: whiteHouse }, { sourceId: ids.vov }],
    });
    expect(allegation.speakers).toEqual([
      { type: "entity", id: whiteHouse, name: "Nhà Trắng" },
      { type: "source", id: ids.vov, name: "VOV.VN" },
    ]);
    ids.allegation = allegation.id;
    ids.denial = (await mark(ids.p1, P1, DENIAL, { claimTypeId: typeId("denial"), modality: "DENIED", speakers: [{ entityId: ids.kremlin }] })).id;

    // 5. Correct a paragraph: the claim moves with its words; a stale edit is refused with the current text.
    const corrected = `Nhà Trắng hôm thứ Tư nói ${ALLEGATION} để đổi lấy công nghệ vệ tinh.`;
    const fix = await api(passageRoute.PATCH, `/passages/${ids.p0}`, { method: "PATCH", ids: { id: ids.p0 }, body: { expectedText: P0, text: corrected } });
    expect(fix.status, JSON.stringify(fix.body)).toBe(200);
    expect(documented(composite.passageCorrected, fix.body)).toMatchObject({
      changed: true,
      passage: { id: ids.p0, text: corrected },
      summary: { kept: 0, moved: 1, fuzzy: 0, needsReview: 0, orphaned: 0 },
      changes: [{ id: ids.allegation, outcome: "moved", before: ALLEGATION, after: ALLEGATION }],
      annotations: [{ id: ids.allegation, ...quoteSpan(corrected, ALLEGATION)! }],
    });
    const stale = await api(passageRoute.PATCH, `/passages/${ids.p0}`, {
      method: "PATCH",
      ids: { id: ids.p0 },
      body: { expectedText: P0, text: `${P0} Thêm.` },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", details: { currentText: corrected } });

    // 6. A proposition from the allegation; the denial is suggested as refuting it, and linked so.
    const created = await api(propositionsRoute.POST, "/propositions", {
      method: "POST",
      body: { annotationId: ids.allegation, statement: "North Korea shipped artillery shells to Russia" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.proposition = documented(responses.proposition, created.body).id;
    const suggest = async () =>
      documented(composite.suggestions, (await api(suggestionsRoute.GET, `/annotations/${ids.denial}/suggestions`, { ids: { id: ids.denial } })).body).items;
    const suggestion = at(await suggest(), 0);
    expect(suggestion).toMatchObject({ id: ids.proposition, statement: "North Korea shipped artillery shells to Russia", stance: "REFUTES" });
    expect(suggestion.reasons).toContain("may refute it: this claim is a denial");
    const linked = await api(mentionRoute.PUT, "", {
      method: "PUT",
      ids: { id: ids.proposition, annotationId: ids.denial },
      body: { stance: suggestion.stance },
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(await suggest()).toEqual([]);

    // 7. The comparison shows the conflict.
    const matrix = documented(composite.comparison, (await api(comparisonRoute.GET, "/comparison")).body);
    expect(matrix.rows).toMatchObject([{ id: ids.proposition, verdict: { kind: "conflict" }, mentionCount: 2 }]);

    // 8. Exports: CSV and JSONL files with both claims.
    const file = async (format: string) => {
      const res = await api(exportRoute.GET, `/exports/${format}`, { ids: { format } });
      expect(res.status).toBe(200);
      return res;
    };
    const csv = await file("csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.text).toContain(ALLEGATION);
    expect(csv.text).toContain("North Korea shipped artillery shells to Russia");
    const lines = (await file("jsonl")).text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.exact, l.propositions[0]?.stance]).sort()).toEqual(
      [
        [DENIAL, "REFUTES"],
        [ALLEGATION, "SUPPORTS"],
      ].sort(),
    );

    // 9. Members: add, change role, remove.
    const reporter = await newUser("Reporter");
    const added = await api(membersRoute.POST, "/members", { method: "POST", body: { email: reporter.email, role: "VIEWER" } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(documented(responses.member, added.body)).toEqual({ id: reporter.user.id, name: "Reporter", email: reporter.email, role: "VIEWER" });
    const promoted = await api(memberRoute.PATCH, `/members/${reporter.user.id}`, { method: "PATCH", ids: { id: reporter.user.id }, body: { role: "EDITOR" } });
    expect(documented(responses.member, promoted.body).role).toBe("EDITOR");
    expect(documented(composite.members, (await api(membersRoute.GET, "/members")).body).items.map((m) => [m.email, m.role])).toEqual([
      [a.user.email, "OWNER"],
      [reporter.email, "EDITOR"],
    ]);
    const removed = await api(memberRoute.DELETE, `/members/${reporter.user.id}`, { method: "DELETE", ids: { id: reporter.user.id } });
    expect(documented(composite.memberRemoved, removed.body)).toEqual({ userId: reporter.user.id });
    expect((await api(membersRoute.GET, "/members")).body.items).toHaveLength(1);

    // 10. A claim type and a source, created and deleted.
    const type = await api(claimTypesRoute.POST, "/claim-types", { method: "POST", body: { label: "Troop deployment", color: "#123456" } });
    expect(type.status, JSON.stringify(type.body)).toBe(201);
    const newType = documented(responses.claimType, type.body);
    expect(newType).toMatchObject({ label: "Troop deployment", shortcut: null, position: types.length });
    expect(documented(composite.claimTypeDeleted, (await api(claimTypeRoute.DELETE, "", { method: "DELETE", ids: { id: newType.id } })).body)).toEqual({
      id: newType.id,
      propositionsUntyped: 0,
    });
    const source = await api(sourcesRoute.POST, "/sources", { method: "POST", body: { name: "Yonhap", country: "Hàn Quốc", language: "ko" } });
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    const yonhap = documented(responses.source, source.body);
    expect(yonhap).toMatchObject({ name: "Yonhap", kind: "WIRE_AGENCY", country: "Hàn Quốc", language: "ko", upstream: null, entity: null });
    expect(documented(composite.sourceDeleted, (await api(sourceRoute.DELETE, "", { method: "DELETE", ids: { id: yonhap.id } })).body)).toEqual({
      id: yonhap.id,
      relaysCleared: 0,
    });
    expect(await getDb().source.count({ where: { workspaceId: a.ws, name: "Yonhap" } })).toBe(0);
  });

  describe("claim types", () => {
    it("edits partially, refuses a taken shortcut (409 on shortcut), a type in use (409 with the counts) and non-owners (403)", async () => {
      const before = documented(composite.claimTypes, (await api(claimTypesRoute.GET, "/claim-types")).body).items.find((t) => t.id === ids.armsTransfer)!;
      const renamed = await api(claimTypeRoute.PATCH, "", { method: "PATCH", ids: { id: ids.armsTransfer }, body: { label: "Arms deliveries" } });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect(documented(responses.claimType, renamed.body)).toEqual({ ...before, label: "Arms deliveries" });
      const taken = await api(claimTypesRoute.POST, "/claim-types", { method: "POST", body: { label: "Drills", color: "#abcdef", shortcut: 2 } });
      expect(taken.status).toBe(409);
      expect(taken.body.error.details.fields).toEqual({ shortcut: "Already used" });
      expect(
        (await api(claimTypeRoute.PATCH, "", { method: "PATCH", ids: { id: ids.armsTransfer }, body: { color: "red" } })).body.error.details.fields,
      ).toHaveProperty("color");

      const inUse = await api(claimTypeRoute.DELETE, "", { method: "DELETE", ids: { id: ids.armsTransfer } });
      expect(inUse.status).toBe(409);
      expect(inUse.body.error).toMatchObject({ code: "conflict", details: { claims: 1, propositions: 1 } });
      expect(inUse.body.error.message).toMatch(/used by 1 claim/);
      expect((await api(claimTypeRoute.DELETE, "", { method: "DELETE", ids: { id: crypto.randomUUID() } })).status).toBe(404);
      const editor = client(a, a.editor);
      const refused = await editor(claimTypesRoute.POST, "/claim-types", { method: "POST", body: { label: "Drills", color: "#abcdef" } });
      expect(refused.status).toBe(403);
      expect((await editor(claimTypesRoute.GET, "/claim-types")).status).toBe(200);
    });
  });

  describe("claim fields named in errors", () => {
    it("a quote mismatch is about `exact`, a claim type of another workspace or none a 422 on claimTypeId, a foreign speaker on speakers.N", async () => {
      const foreignType = at(documented(composite.claimTypes, (await client(b)(claimTypesRoute.GET, "/claim-types")).body).items, 0);
      const foreignSource = documented(responses.source, (await client(b)(sourcesRoute.POST, "/sources", { method: "POST", body: { name: "KCNA" } })).body);
      const base = { passageId: ids.p1, ...quoteSpan(P1, DENIAL)!, exact: DENIAL, claimTypeId: ids.armsTransfer, modality: "REPORTED" };
      const create = (body: unknown) => api(annotationsRoute.POST, "/annotations", { method: "POST", body });
      for (const [body, status, field] of [
        [{ ...base, exact: "Điện Kremlin xác nhận" }, 400, "exact"],
        [{ ...base, claimTypeId: foreignType.id }, 422, "claimTypeId"],
        [{ ...base, claimTypeId: undefined }, 422, "claimTypeId"],
        [{ ...base, speakers: [{ entityId: ids.kremlin }, { sourceId: foreignSource.id }] }, 422, "speakers.1"],
      ] as const) {
        const res = await create(body);
        expect(res.status, field).toBe(status);
        expect(Object.keys(res.body.error.details.fields), field).toEqual([field]);
      }
    });
  });

  describe("sources", () => {
    it("creates with relay and entity checks, refuses a name already used ignoring case and accents, and deletes only unused ones", async () => {
      const clash = await api(sourcesRoute.POST, "/sources", { method: "POST", body: { name: "vov.vn" } });
      expect(clash.status).toBe(409);
      expect(clash.body.error.details.fields).toEqual({ name: "“VOV.VN” already uses this name" });
      const entity = documented(
        responses.entity,
        (await api(entitiesRoute.POST, "/entities", { method: "POST", body: { name: "Hãng thông tấn Yonhap", kind: "ORGANIZATION" } })).body,
      );
      const relay = await api(sourcesRoute.POST, "/sources", {
        method: "POST",
        body: { name: "Yonhap Tiếng Việt", kind: "OUTLET", upstreamId: ids.reuters, entityId: entity.id },
      });
      expect(relay.status, JSON.stringify(relay.body)).toBe(201);
      const relayed = documented(responses.source, relay.body);
      expect(relayed).toMatchObject({ kind: "OUTLET", upstream: { id: ids.reuters, name: "Reuters" }, entity: { id: entity.id } });
      const foreignSource = at(documented(composite.sources, (await client(b)(sourcesRoute.GET, "/sources")).body).items, 0);
      const foreignUpstream = await api(sourcesRoute.POST, "/sources", { method: "POST", body: { name: "Elsewhere", upstreamId: foreignSource.id } });
      expect(foreignUpstream.status).toBe(404);
      expect(foreignUpstream.body.error.details.fields).toHaveProperty("upstreamId");
      expect(
        (await api(sourcesRoute.POST, "/sources", { method: "POST", body: { name: "Bad", language: "Korean!" } })).body.error.details.fields,
      ).toHaveProperty("language");

      const del = (id: string) => api(sourceRoute.DELETE, "", { method: "DELETE", ids: { id } });
      const publisher = await del(ids.vov);
      expect(publisher.status).toBe(409);
      expect(publisher.body.error).toMatchObject({ code: "conflict", details: { articles: 1, origins: 0, claims: 1 } });
      const origin = await del(ids.reuters);
      expect(origin.body.error.details).toEqual({ articles: 0, origins: 1, claims: 0 });
      // An unused source can go; a source relaying it becomes independent.
      const wire = documented(responses.source, (await api(sourcesRoute.POST, "/sources", { method: "POST", body: { name: "Wire X" } })).body);
      await api(sourceRoute.PATCH, "", { method: "PATCH", ids: { id: relayed.id }, body: { upstreamId: wire.id } });
      expect(documented(composite.sourceDeleted, (await del(wire.id)).body)).toEqual({ id: wire.id, relaysCleared: 1 });
      const after = documented(composite.sources, (await api(sourcesRoute.GET, "/sources?q=yonhap")).body).items;
      expect(after).toMatchObject([{ id: relayed.id, upstream: null }]);
      expect((await del(wire.id)).status).toBe(404);
    });
  });

  describe("members", () => {
    it("refuses an unknown account (422 on email), a second add (409), losing the last owner (409) and non-owners (403); removal revokes the member's tokens", async () => {
      const unknown = await api(membersRoute.POST, "/members", { method: "POST", body: { email: "nobody@test.local", role: "EDITOR" } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.details.fields).toEqual({ email: "No such account" });
      const self = await api(membersRoute.POST, "/members", { method: "POST", body: { email: a.user.email, role: "EDITOR" } });
      expect(self.status).toBe(409);
      expect(self.body.error.details).toMatchObject({ role: "OWNER", fields: { email: "Already a member" } });
      const demote = await api(memberRoute.PATCH, "", { method: "PATCH", ids: { id: a.user.user.id }, body: { role: "EDITOR" } });
      expect(demote.status).toBe(409);
      expect(demote.body.error.message).toMatch(/at least one owner/);
      expect((await api(memberRoute.DELETE, "", { method: "DELETE", ids: { id: a.user.user.id } })).status).toBe(409);
      expect((await api(memberRoute.DELETE, "", { method: "DELETE", ids: { id: crypto.randomUUID() } })).status).toBe(404);

      const colleague: TestUser = await newUser("Colleague");
      await api(membersRoute.POST, "/members", { method: "POST", body: { email: colleague.email, role: "EDITOR" } });
      const editor = client(a, a.editor);
      expect((await editor(membersRoute.GET, "/members")).status).toBe(200);
      expect((await editor(memberRoute.PATCH, "", { method: "PATCH", ids: { id: colleague.user.id }, body: { role: "OWNER" } })).status).toBe(403);
      session.userId = colleague.user.id;
      const { body: theirs } = await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId: a.ws, name: "colleague", role: "EDITOR" } });
      session.userId = null;
      expect((await call(workspacesRoute.GET, "/workspaces", { token: theirs.token })).status).toBe(200);
      await api(memberRoute.DELETE, "", { method: "DELETE", ids: { id: colleague.user.id } });
      expect((await call(workspacesRoute.GET, "/workspaces", { token: theirs.token })).status).toBe(401);
    });
  });

  describe("paragraph corrections", () => {
    it("needs the text as read (422 on expectedText), one paragraph (422 on text), and an existing paragraph (404)", async () => {
      const patch = (id: string, body: unknown) => api(passageRoute.PATCH, "", { method: "PATCH", ids: { id }, body });
      expect((await patch(ids.p1, { text: P1 })).body.error.details.fields).toHaveProperty("expectedText");
      expect((await patch(ids.p1, { expectedText: P1, text: "Một.\nHai." })).body.error.details.fields).toHaveProperty("text");
      expect((await patch(crypto.randomUUID(), { expectedText: P1, text: P1 })).status).toBe(404);
      const same = await patch(ids.p1, { expectedText: P1, text: P1 });
      expect(documented(composite.passageCorrected, same.body)).toMatchObject({ changed: false, summary: { kept: 1 } });
    });
  });

  describe("imports", () => {
    const upload = (d: Desk, query: string, body: string | Uint8Array, contentType: string) =>
      client(d)(importsRoute.POST, `/imports${query}`, { method: "POST", rawBody: body as BodyInit, headers: { "content-type": contentType } });
    const claimLine = (passage: number, text: string, exact: string, claimType: string) => ({
      articleTitle: "Kim đến Vostochny",
      passage,
      ...quoteSpan(text, exact)!,
      exact,
      claimType,
      modality: "REPORTED",
    });
    const KIM = "Kim Jong-un đã đến sân bay vũ trụ Vostochny";
    const TRAIN = "Hai bên hội đàm hơn bốn giờ về hợp tác quân sự.";
    const KIM_P = `Nhà lãnh đạo Triều Tiên ${KIM} bằng tàu bọc thép.`;

    it("imports JSONL articles, then JSONL claims all or nothing with every problem by line", async () => {
      const articles = ndjson(
        { text: `Kim đến Vostochny\n\n${KIM_P}\n\n${TRAIN}`, publisher: "VnExpress", publishedAt: "2023-09-13" },
        { text: "Bài thứ hai\n\nMột đoạn văn khác hẳn.", title: "Bài thứ hai" },
      );
      const res = await upload(b, "?fileName=articles.jsonl", articles, "application/x-ndjson");
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(documented(composite.bulkImported, res.body)).toMatchObject({
        fileName: "articles.jsonl",
        kind: "articles",
        articles: [
          { title: "Kim đến Vostochny", passages: 2 },
          { title: "Bài thứ hai", passages: 1 },
        ],
        claims: 0,
      });

      const good = claimLine(0, KIM_P, KIM, "visit");
      const bad = ndjson(good, { ...claimLine(1, TRAIN, "hội đàm", "no such type") }, "{not json", { ...good, exact: "Putin" });
      const refused = await upload(b, "?kind=claims", bad, "application/x-ndjson; charset=utf-8");
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/^import\.jsonl: 3 problems found, so nothing from this file was imported/);
      expect(refused.body.error.details.errors).toEqual([
        expect.stringMatching(/^line 2: claim type “no such type”/),
        expect.stringMatching(/^line 3: /),
        expect.stringMatching(/^line 4: /),
      ]);
      expect(await getDb().annotation.count({ where: { workspaceId: b.ws } })).toBe(0);

      const ok = await upload(b, "?fileName=claims.ndjson", ndjson(good, claimLine(1, TRAIN, "hội đàm", "meeting")), "application/x-ndjson");
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      expect(documented(composite.bulkImported, ok.body)).toMatchObject({ kind: "claims", claims: 2, reanchored: 0 });
    });

    it("imports W3C Web Annotations exported by another workspace", async () => {
      const exported = await client(b)(exportRoute.GET, "/exports/w3c", { ids: { format: "w3c" } });
      expect(exported.status).toBe(200);
      const c = await desk("Desk C");
      await upload(
        c,
        "?fileName=articles.jsonl",
        ndjson({ text: `Kim đến Vostochny\n\n${KIM_P}\n\n${TRAIN}`, publisher: "VnExpress", publishedAt: "2023-09-13" }),
        "application/x-ndjson",
      );
      // Sent back with the media type the export answered with.
      const res = await upload(c, "?fileName=from-b.jsonld", exported.text, exported.headers.get("content-type")!);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(documented(composite.bulkImported, res.body)).toMatchObject({ fileName: "from-b.jsonld", kind: "web-annotations", claims: 2 });
      expect(await getDb().annotation.count({ where: { workspaceId: c.ws } })).toBe(2);
    });

    it("answers 415 for another media type, 422 for a file name that contradicts it and 413 above 5 MB", async () => {
      const form = await upload(b, "", "a=1", "application/x-www-form-urlencoded");
      expect(form.status).toBe(415);
      expect(form.body.error).toMatchObject({
        code: "unsupported_media_type",
        details: { accepted: ["application/x-ndjson", "application/ld+json", "application/json"] },
      });
      const mismatch = await upload(b, "?fileName=claims.json", ndjson({ text: "x" }), "application/x-ndjson");
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.error.details.fields).toHaveProperty("fileName");
      expect((await upload(b, "?kind=tables", ndjson({ text: "x" }), "application/x-ndjson")).body.error.details.fields).toHaveProperty("kind");
      const big = await upload(b, "", "x".repeat(MAX_BODY_BYTES + 1), "application/x-ndjson");
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe("too_large");
      expect((await upload(b, "", "", "application/x-ndjson")).status).toBe(400);
    });

    it("previews a saved HTML page or a URL without storing anything", async () => {
      const PAGE = `<html><head><meta property="og:site_name" content="Báo Mẫu"><meta name="author" content="Lan Nguyễn"><title>Kim thăm Nga</title></head><body><nav>Trang chủ</nav>
        <article><h1>Kim thăm Nga</h1><p>Ông Kim Jong-un đã tới sân bay vũ trụ ở Viễn Đông Nga.</p><p>Hai nhà lãnh đạo hội đàm hơn bốn giờ.</p><img src=x onerror="alert(1)"></article></body></html>`;
      const before = await getDb().article.count({ where: { workspaceId: b.ws } });
      const html = await client(b)(previewHtmlRoute.POST, "/articles/preview/html?fileName=kim.html", {
        method: "POST",
        rawBody: PAGE,
        headers: { "content-type": "text/html; charset=utf-8" },
      });
      expect(html.status, JSON.stringify(html.body)).toBe(200);
      const preview = documented(composite.htmlPreview, html.body);
      expect(preview).toMatchObject({ fileName: "kim.html", duplicateOf: null, parsed: { title: "Kim thăm Nga", publisher: "Báo Mẫu", byline: "Lan Nguyễn" } });
      expect(preview.text).not.toMatch(/[<>]|alert|Trang chủ/);
      expect(await getDb().article.count({ where: { workspaceId: b.ws } })).toBe(before);
      expect(
        (await client(b)(previewHtmlRoute.POST, "/articles/preview/html", { method: "POST", rawBody: PAGE, headers: { "content-type": "text/plain" } })).status,
      ).toBe(415);

      const url = (body: unknown) => client(b)(previewUrlRoute.POST, "/articles/preview/url", { method: "POST", body });
      const local = await url({ url: "http://localhost/news" });
      expect(local.status).toBe(400);
      expect(local.body.error.message).toMatch(/^localhost is a local or private address/);
      expect((await url({ url: "ftp://example.org/x" })).body.error.details.fields).toHaveProperty("url");
      expect((await url({})).body.error.details.fields).toHaveProperty("url");
      expect((await client(b)(previewRoute.POST, "/articles/preview", { method: "POST", body: { text: "" } })).body.error.details.fields).toHaveProperty(
        "text",
      );
    });
  });
});
