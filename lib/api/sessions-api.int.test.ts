import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { composite, responses } from "@/lib/api/schemas";
import { sessionResponses } from "@/lib/api/session-schemas";
import { quoteSpan } from "@/lib/domain/anchoring";
import { AGREEMENT_CSV_COLUMNS } from "@/lib/domain/export/agreement-csv";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as membersRoute from "@/app/api/v1/workspaces/[workspaceId]/members/route";
import * as claimTypesRoute from "@/app/api/v1/workspaces/[workspaceId]/claim-types/route";
import * as articlesRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/route";
import * as articleRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/[id]/route";
import * as annotationsRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/route";
import * as annotationRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/route";
import * as propositionsRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/route";
import * as propositionRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/[id]/route";
import * as sessionsRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/route";
import * as sessionRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/route";
import * as assignmentsRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/assignments/route";
import * as statusRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/assignments/status/route";
import * as revealRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/reveal/route";
import * as closeRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/close/route";
import * as reopenRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/reopen/route";
import * as agreementRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/agreement/route";
import * as curationRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/articles/[articleId]/curation/route";
import * as decisionsRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/decisions/route";
import * as decisionRoute from "@/app/api/v1/workspaces/[workspaceId]/sessions/[id]/decisions/[decisionId]/route";
import { call, documented, ORIGIN, type Call, type Handler } from "@/lib/test/api-client";
import { at, newUser, only, take, type TestUser } from "@/lib/test/helpers";

// The browser session, only to mint each member's token (token management is session-only).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const ALLEGATION = "Triều Tiên đã chuyển đạn pháo cho Nga";
const DENIAL = "Điện Kremlin bác bỏ thông tin";
const P0 = `Nhà Trắng nói ${ALLEGATION} để đổi lấy công nghệ vệ tinh.`;
const P1 = `${DENIAL} này, gọi đó là tin đồn vô căn cứ.`;

/** A token for `user` in `workspaceId`, made in their browser session as the settings page does. */
async function mint(user: TestUser, workspaceId: string, role: string) {
  session.userId = user.user.id;
  const res = await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId, name: `${role} script`, role } });
  session.userId = null;
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return documented(composite.tokenCreated, res.body).token;
}

describe("REST API v1: an annotation session from creation to counted reconciled claims", () => {
  let ws: string;
  let tokens: Record<"owner" | "a" | "b" | "reviewer" | "editor" | "viewer", string>;
  let users: Record<"a" | "b" | "reviewer", string>;
  let other: { ws: string; token: string };
  const ids = {} as { article: string; p0: string; p1: string; type: string; denialType: string; session: string };

  /** Calls in the workspace as one member: `as("a")(handler, "/sessions", { method: "POST", body })`. */
  const as =
    (who: keyof typeof tokens) =>
    (handler: Handler, path: string, opts: Call & { ids?: Record<string, string> } = {}) =>
      call(handler, `/workspaces/${ws}${path}`, { token: tokens[who], ...opts, params: { workspaceId: ws, ...opts.ids } });
  const owner = as("owner");
  const sessionIds = (extra: Record<string, string> = {}) => ({ id: ids.session, ...extra });
  const current = async () => documented(sessionResponses.session, (await owner(sessionRoute.GET, "", { ids: sessionIds() })).body);
  const mark = async (who: "a" | "b", passageId: string, text: string, exact: string, body: Record<string, unknown>) => {
    const res = await as(who)(annotationsRoute.POST, "/annotations", {
      method: "POST",
      body: { passageId, ...quoteSpan(text, exact)!, exact, sessionId: ids.session, ...body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return documented(responses.annotation, res.body);
  };

  beforeAll(async () => {
    const o = await newUser("Session owner");
    ws = o.workspace.id;
    const ownerToken = await mint(o, ws, "OWNER");
    const member = async (name: string, role: string) => {
      const u = await newUser(name);
      const res = await call(membersRoute.POST, `/workspaces/${ws}/members`, {
        method: "POST",
        token: ownerToken,
        params: { workspaceId: ws },
        body: { email: u.email, role },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { user: u, token: await mint(u, ws, role) };
    };
    const [a, b, reviewer, editor, viewer] = [
      await member("Annotator A", "EDITOR"),
      await member("Annotator B", "EDITOR"),
      await member("Reviewer", "REVIEWER"),
      await member("Other editor", "EDITOR"),
      await member("Viewer", "VIEWER"),
    ];
    tokens = { owner: ownerToken, a: a.token, b: b.token, reviewer: reviewer.token, editor: editor.token, viewer: viewer.token };
    users = { a: a.user.user.id, b: b.user.user.id, reviewer: reviewer.user.user.id };
    const elsewhere = await newUser("Other desk");
    other = { ws: elsewhere.workspace.id, token: await mint(elsewhere, elsewhere.workspace.id, "OWNER") };

    const imported = await owner(articlesRoute.POST, "/articles", {
      method: "POST",
      body: { text: `Cáo buộc đạn pháo\n\n${P0}\n\n${P1}`, title: "Cáo buộc đạn pháo", publisher: "VOV.VN" },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    ids.article = documented(responses.imported, imported.body).id;
    const article = documented(composite.articleDetail, (await owner(articleRoute.GET, "", { ids: { id: ids.article } })).body);
    [ids.p0, ids.p1] = take(
      article.passages.map((p) => p.id),
      2,
    );
    const types = documented(composite.claimTypes, (await owner(claimTypesRoute.GET, "/claim-types")).body).items;
    ids.type = types.find((t) => t.key === "arms_transfer")!.id;
    ids.denialType = types.find((t) => t.key === "denial")!.id;
  });
  beforeEach(() => {
    session.userId = null;
  });

  it("runs a blind double annotation: hidden claims, reveal, agreement, curation, close; then only the reconciled claim counts", async () => {
    // 1. The owner creates a blind session, every article to both annotators.
    const created = await owner(sessionsRoute.POST, "/sessions", {
      method: "POST",
      body: { name: "Đạn pháo: chú giải kép", mode: "BLIND", articleIds: [ids.article], annotatorIds: [users.a, users.b], reviewerIds: [users.reviewer] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const s0 = documented(sessionResponses.session, created.body);
    ids.session = s0.id;
    expect(s0).toMatchObject({ state: "blind", mode: "BLIND", version: 1, you: { manage: true, annotator: false }, reviewers: [{ id: users.reviewer }] });
    expect(s0.assignments.map((x) => [x.userId, x.status]).sort()).toEqual(
      [
        [users.a, "TODO"],
        [users.b, "TODO"],
      ].sort(),
    );
    const listed = documented(sessionResponses.sessions, (await as("viewer")(sessionsRoute.GET, "/sessions")).body);
    expect(listed.items).toMatchObject([{ id: ids.session, state: "blind", progress: { assignments: 2, done: 0 }, you: { manage: false } }]);

    // 2. Each annotator marks claims in the session; B also marks one A did not.
    const claimA = await mark("a", ids.p0, P0, ALLEGATION, { claimTypeId: ids.type, modality: "ALLEGED" });
    expect(claimA).toMatchObject({ sessionId: ids.session, reconciled: false });
    const claimB = await mark("b", ids.p0, P0, ALLEGATION, { claimTypeId: ids.type, modality: "REPORTED" });
    const denialB = await mark("b", ids.p1, P1, DENIAL, { claimTypeId: ids.denialType, modality: "DENIED" });

    // 3. Blind: A reads only their own claims, B's is "not found"; so is it for the owner, who wrote none.
    const mine = documented(composite.annotations, (await as("a")(annotationsRoute.GET, `/annotations?sessionId=${ids.session}`)).body);
    expect(mine.items.map((c) => c.id)).toEqual([claimA.id]);
    expect(documented(composite.annotations, (await as("a")(annotationsRoute.GET, "/annotations")).body).items.map((c) => c.id)).toEqual([claimA.id]);
    expect((await as("a")(annotationRoute.GET, "", { ids: { id: claimB.id } })).status).toBe(404);
    expect((await owner(annotationRoute.GET, "", { ids: { id: claimB.id } })).status).toBe(404);
    // The first claim started A's assignment; A marks it done.
    const done = await as("a")(statusRoute.PATCH, "", { method: "PATCH", ids: sessionIds(), body: { articleId: ids.article, status: "DONE" } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(documented(sessionResponses.session, done.body).progress.find((p) => p.user.id === users.a)).toMatchObject({ done: 1, claims: 1 });
    expect((await current()).progress.find((p) => p.user.id === users.b)).toMatchObject({ inProgress: 1, claims: 2 });
    // The figures stay with the session's managers and reviewers until it is revealed; curation waits for the reveal.
    expect((await as("a")(agreementRoute.GET, "", { ids: sessionIds() })).status).toBe(403);
    expect((await owner(agreementRoute.GET, "", { ids: sessionIds() })).status).toBe(200);
    expect((await as("reviewer")(curationRoute.GET, "", { ids: sessionIds({ articleId: ids.article }) })).status).toBe(409);
    // An editor who did not create it cannot reveal it.
    const notTheirs = await as("a")(revealRoute.POST, "", { method: "POST", ids: sessionIds(), body: { version: s0.version } });
    expect(notTheirs.status).toBe(403);

    // 4. The owner reveals it; a second reveal from the same version is stale.
    const revealed = await owner(revealRoute.POST, "", { method: "POST", ids: sessionIds(), body: { version: s0.version } });
    expect(revealed.status, JSON.stringify(revealed.body)).toBe(200);
    const s1 = documented(sessionResponses.session, revealed.body);
    expect(s1).toMatchObject({ state: "revealed", version: s0.version + 1 });
    expect(s1.revealedAt).not.toBeNull();
    const stale = await owner(revealRoute.POST, "", { method: "POST", ids: sessionIds(), body: { version: s0.version } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ currentVersion: s1.version });
    expect((await as("a")(annotationRoute.GET, "", { ids: { id: claimB.id } })).status).toBe(200);

    // 5. Agreement: one pair, the allegation matched (modality differs), B's denial unmatched.
    const agreement = documented(sessionResponses.agreement, (await as("a")(agreementRoute.GET, "", { ids: sessionIds() })).body);
    expect(agreement).toMatchObject({ session: { id: ids.session, state: "revealed" }, claims: 3, articles: [{ id: ids.article }] });
    const pair = only(agreement.report.pairs);
    expect([pair.a, pair.b].sort()).toEqual([users.a, users.b].sort());
    expect(pair.exact).toMatchObject({ matched: 1, f1: 2 / 3 });
    expect(pair.units).toBe(1);
    expect(only(agreement.report.articles).articleId).toBe(ids.article);
    const csv = await owner(agreementRoute.GET, "?format=csv", { ids: sessionIds() });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="agreement-dan-phao-chu-giai-kep.csv"');
    // (Response.text() drops the byte-order mark, which spreadsheets need: the bytes keep it.)
    expect(csv.text.startsWith(`${AGREEMENT_CSV_COLUMNS.join(",")}\n`)).toBe(true);
    const raw = await agreementRoute.GET(
      new Request(`${ORIGIN}/api/v1/workspaces/${ws}/sessions/${ids.session}/agreement?format=csv`, { headers: { authorization: `Bearer ${tokens.owner}` } }),
      { params: Promise.resolve({ workspaceId: ws, id: ids.session }) },
    );
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain("f1_exact");
    const byAccept = await owner(agreementRoute.GET, "", { ids: sessionIds(), headers: { accept: "text/csv" } });
    expect([byAccept.headers.get("content-type")?.split(";")[0], byAccept.text]).toEqual(["text/csv", csv.text]);
    const badFormat = await owner(agreementRoute.GET, "?format=xlsx", { ids: sessionIds() });
    expect(badFormat.status).toBe(422);
    expect(Object.keys(badFormat.body.error.details.fields)).toEqual(["format"]);

    // 6. A proposition from A's claim, before curation: the accepted copy keeps the link.
    const prop = await owner(propositionsRoute.POST, "/propositions", {
      method: "POST",
      body: { annotationId: claimA.id, statement: "Triều Tiên chuyển đạn pháo cho Nga" },
    });
    expect(prop.status, JSON.stringify(prop.body)).toBe(201);
    const propositionId = documented(responses.proposition, prop.body).id;

    // 7. Curation by the session's reviewer: two units, in text order.
    const curationOf = async () =>
      documented(sessionResponses.curation, (await as("reviewer")(curationRoute.GET, "", { ids: sessionIds({ articleId: ids.article }) })).body);
    const before = await curationOf();
    expect(before.counts).toEqual({ units: 2, decided: 0 });
    const [allegationUnit, denialUnit] = take(before.units, 2);
    expect(allegationUnit.claims.map((c) => c.id).sort()).toEqual([claimA.id, claimB.id].sort());
    expect(allegationUnit.differences).toMatchObject({ span: false, claimType: false, modality: true, agreed: false });
    expect(denialUnit).toMatchObject({ missing: [users.a], claims: [{ id: denialB.id }], decision: null });

    const decide = (body: unknown, who: keyof typeof tokens = "reviewer") => as(who)(decisionsRoute.POST, "", { method: "POST", ids: sessionIds(), body });
    const noChoice = await decide({ articleId: ids.article, claimIds: [claimA.id, claimB.id], decision: "accept" });
    expect(noChoice.status).toBe(422);
    expect(Object.keys(noChoice.body.error.details.fields)).toEqual(["chosenId"]);
    expect((await decide({ articleId: ids.article, claimIds: [claimA.id], decision: "reject" }, "viewer")).status).toBe(403);
    const accepted = await decide({ articleId: ids.article, claimIds: [claimA.id, claimB.id], decision: "accept", chosenId: claimA.id });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    const acceptance = documented(sessionResponses.decided, accepted.body);
    expect(acceptance).toMatchObject({ decision: "ACCEPTED", resultId: expect.any(String) });
    expect((await decide({ articleId: ids.article, claimIds: [claimB.id], decision: "reject" })).status).toBe(409);
    // A rejection, taken back: the unit is open again.
    const rejected = documented(sessionResponses.decided, (await decide({ articleId: ids.article, claimIds: [denialB.id], decision: "reject" })).body);
    const undo = await as("reviewer")(decisionRoute.DELETE, "", { method: "DELETE", ids: sessionIds({ decisionId: rejected.id }) });
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(documented(sessionResponses.undone, undo.body)).toEqual({ id: rejected.id });
    expect((await as("reviewer")(decisionRoute.DELETE, "", { method: "DELETE", ids: sessionIds({ decisionId: rejected.id }) })).status).toBe(404);
    const after = await curationOf();
    expect(after.counts).toEqual({ units: 2, decided: 1 });
    const reconciled = only(after.reconciled);
    expect(reconciled).toMatchObject({
      id: acceptance.resultId,
      reconciled: true,
      sessionId: ids.session,
      status: "APPROVED",
      modality: "ALLEGED",
      exact: ALLEGATION,
    });
    expect(at(after.units, 0).decision).toMatchObject({ id: acceptance.id, chosenId: claimA.id, result: { id: acceptance.resultId } });

    // 8. Before closing, nothing of the session counts; after, the reconciled claim does, and A's own claim still does not.
    const counted = async () => {
      const detail = documented(composite.propositionDetail, (await as("viewer")(propositionRoute.GET, "", { ids: { id: propositionId } })).body);
      return Object.fromEntries(detail.mentions.map((m) => [m.annotation.id, m.counted]));
    };
    expect(await counted()).toEqual({ [claimA.id]: false, [reconciled.id]: false });
    const closed = await owner(closeRoute.POST, "", { method: "POST", ids: sessionIds(), body: { version: s1.version } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const s2 = documented(sessionResponses.session, closed.body);
    expect(s2).toMatchObject({ state: "closed", version: s1.version + 1 });
    expect(await counted()).toEqual({ [claimA.id]: false, [reconciled.id]: true });

    // 9. A closed session does not change: no edits, assignments, decisions or claims in it.
    const edit = await owner(sessionRoute.PATCH, "", { method: "PATCH", ids: sessionIds(), body: { version: s2.version, name: "Đổi tên" } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toMatch(/closed/);
    expect((await owner(assignmentsRoute.PUT, "", { method: "PUT", ids: sessionIds(), body: { version: s2.version, mode: "split" } })).status).toBe(409);
    expect((await decide({ articleId: ids.article, claimIds: [denialB.id], decision: "reject" })).status).toBe(409);
    const late = await as("a")(annotationsRoute.POST, "/annotations", {
      method: "POST",
      body: { passageId: ids.p1, ...quoteSpan(P1, DENIAL)!, exact: DENIAL, claimTypeId: ids.denialType, modality: "DENIED", sessionId: ids.session },
    });
    expect(late.status).toBe(422);
    expect(Object.keys(late.body.error.details.fields)).toEqual(["sessionId"]);
    // A session with claims is closed, never deleted.
    expect((await owner(sessionRoute.DELETE, `?version=${s2.version}`, { method: "DELETE", ids: sessionIds() })).status).toBe(409);

    // 10. Reopened, its reconciled claim stops counting again.
    const reopened = await owner(reopenRoute.POST, "", { method: "POST", ids: sessionIds(), body: { version: s2.version } });
    expect(documented(sessionResponses.session, reopened.body)).toMatchObject({ state: "revealed", closedAt: null });
    expect(await counted()).toEqual({ [claimA.id]: false, [reconciled.id]: false });
  });

  it("edits, reassigns and deletes an empty session with the version as read", async () => {
    const res = await owner(sessionsRoute.POST, "/sessions", {
      method: "POST",
      body: { name: "Open round", articleIds: [ids.article], annotatorIds: [users.a, users.b], assign: "none" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const s = documented(sessionResponses.session, res.body);
    expect(s).toMatchObject({ mode: "OPEN", state: "open", guidelines: "", dueAt: null, assignments: [] });
    const path = { ids: { id: s.id } };

    const edited = await owner(sessionRoute.PATCH, "", {
      method: "PATCH",
      ...path,
      body: { version: s.version, guidelines: "Mark allegations only", dueAt: "2026-12-31" },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const e = documented(sessionResponses.session, edited.body);
    expect(e).toMatchObject({ name: "Open round", guidelines: "Mark allegations only", dueAt: "2026-12-31T00:00:00.000Z", version: s.version + 1 });
    const repeated = await owner(sessionRoute.PATCH, "", { method: "PATCH", ...path, body: { id: s.id, version: e.version } });
    expect(repeated.status).toBe(422);
    expect(Object.keys(repeated.body.error.details.fields)).toEqual(["id"]);

    const split = await owner(assignmentsRoute.PUT, "", { method: "PUT", ...path, body: { version: e.version, mode: "split" } });
    expect(split.status, JSON.stringify(split.body)).toBe(200);
    const a = documented(sessionResponses.session, split.body);
    expect(a.assignments.map((x) => [x.articleId, x.userId])).toEqual([[ids.article, users.a]]);
    const outside = await owner(assignmentsRoute.PUT, "", {
      method: "PUT",
      ...path,
      body: { version: a.version, mode: "custom", assignments: [{ articleId: ids.article, userId: users.reviewer }] },
    });
    expect(outside.status).toBe(422);
    expect(Object.keys(outside.body.error.details.fields)).toEqual(["assignments.0"]);
    // B has no assignment here; A's own progress is A's to set, B's only the managers'.
    expect((await as("b")(statusRoute.PATCH, "", { method: "PATCH", ...path, body: { articleId: ids.article, status: "DONE" } })).status).toBe(404);
    expect((await as("b")(statusRoute.PATCH, "", { method: "PATCH", ...path, body: { articleId: ids.article, userId: users.a, status: "DONE" } })).status).toBe(
      403,
    );
    const byOwner = await owner(statusRoute.PATCH, "", { method: "PATCH", ...path, body: { articleId: ids.article, userId: users.a, status: "IN_PROGRESS" } });
    expect(documented(sessionResponses.session, byOwner.body).assignments).toMatchObject([{ userId: users.a, status: "IN_PROGRESS" }]);

    expect((await owner(sessionRoute.DELETE, "", { method: "DELETE", ...path })).body.error.details.fields).toHaveProperty("version");
    const staleDelete = await owner(sessionRoute.DELETE, `?version=${s.version}`, { method: "DELETE", ...path });
    expect(staleDelete.status).toBe(409);
    expect(staleDelete.body.error.details).toEqual({ currentVersion: a.version });
    const deleted = await owner(sessionRoute.DELETE, `?version=${a.version}`, { method: "DELETE", ...path });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(documented(sessionResponses.deleted, deleted.body)).toEqual({ id: s.id });
    expect((await owner(sessionRoute.GET, "", path)).status).toBe(404);
  });

  it("answers 422 naming the fields, 403 for roles and non-creators, 404 for unknown or foreign sessions", async () => {
    const create = (body: unknown, who: keyof typeof tokens = "owner") => as(who)(sessionsRoute.POST, "/sessions", { method: "POST", body });
    const invalid = await create({ name: " ", mode: "SECRET", articleIds: ["x"], dueAt: "31/12/2026" });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.details.fields).sort()).toEqual(["articleIds.0", "dueAt", "mode", "name"]);
    expect(invalid.body.error.details.fields.mode).toBe("mode must be OPEN or BLIND");
    const foreign = await create({ name: "Foreign", annotatorIds: [users.reviewer] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.fields).toEqual({ "annotatorIds.0": "Annotators need the editor role or higher" });
    expect((await create({ name: "x", extra: true })).status).toBe(422);

    for (const who of ["viewer", "reviewer"] as const) {
      const refused = await create({ name: `By ${who}` }, who);
      expect(refused.status, who).toBe(403);
      expect(refused.body.error.details).toEqual({ capability: "sessions.manage" });
    }
    // An editor may create a session (and manage it), but not someone else's.
    const own = await create({ name: "Editor's own" }, "editor");
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const theirs = documented(sessionResponses.session, own.body);
    expect(theirs.you.manage).toBe(true);
    const byOther = await as("a")(sessionRoute.PATCH, "", { method: "PATCH", ids: { id: theirs.id }, body: { version: theirs.version, name: "Mine now" } });
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.message).toMatch(/creator or a workspace owner/);
    const byOwner = await owner(sessionRoute.PATCH, "", {
      method: "PATCH",
      ids: { id: theirs.id },
      body: { version: theirs.version, name: "Renamed by the owner" },
    });
    expect(byOwner.status, JSON.stringify(byOwner.body)).toBe(200);

    for (const id of [crypto.randomUUID(), "not-an-id"]) {
      const missing = await owner(sessionRoute.GET, "", { ids: { id } });
      expect(missing.status, id).toBe(404);
      expect(missing.body.error).toMatchObject({ code: "not_found", message: "Session not found" });
      expect((await owner(agreementRoute.GET, "", { ids: { id } })).status, id).toBe(404);
    }
    expect((await owner(curationRoute.GET, "", { ids: { id: theirs.id, articleId: "not-an-id" } })).status).toBe(404);
    // Another workspace's owner, in their own workspace: the session does not exist there.
    const elsewhere = (handler: Handler, opts: Call = {}) =>
      call(handler, `/workspaces/${other.ws}/sessions/${theirs.id}`, { token: other.token, ...opts, params: { workspaceId: other.ws, id: theirs.id } });
    expect((await elsewhere(sessionRoute.GET)).status).toBe(404);
    expect((await elsewhere(revealRoute.POST, { method: "POST", body: { version: 2 } })).status).toBe(404);
    expect((await elsewhere(agreementRoute.GET)).status).toBe(404);
    // …and their token does not open this workspace at all.
    expect((await call(sessionsRoute.GET, `/workspaces/${ws}/sessions`, { token: other.token, params: { workspaceId: ws } })).status).toBe(404);
  });
});
