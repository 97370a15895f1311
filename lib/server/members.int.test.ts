import crypto from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requireMember } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { composite } from "@/lib/api/schemas";
import { createApiToken } from "@/lib/server/api-tokens";
import { acceptInvitation, createInvitation, describeInvitation, listInvitations, revokeInvitation } from "@/lib/server/invitations";
import { heartbeat, leave, listPresence } from "@/lib/server/presence";
import { addMember, leaveWorkspace, removeMember, updateMemberRole } from "@/lib/server/workspaces";
import * as articlesRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/route";
import * as invitationsRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/route";
import * as invitationRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/[id]/route";
import * as acceptRoute from "@/app/api/v1/invitations/accept/route";
import * as membershipRoute from "@/app/api/v1/workspaces/[workspaceId]/membership/route";
import * as presenceRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/[id]/presence/route";
import { call, documented } from "@/lib/test/api-client";
import { expectAppError, expectFieldError, importPassages, markQuote, newUser, only, type TestUser } from "@/lib/test/helpers";

// The browser session, as next-auth's auth() would report it, for the API calls below.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const db = () => getDb();
const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
const roleIn = async (workspaceId: string, userId: string) =>
  (await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } }))?.role ?? null;
const owners = (workspaceId: string) => db().membership.count({ where: { workspaceId, role: "OWNER" } });
const events = (workspaceId: string, kind: string) => db().changeEvent.count({ where: { workspaceId, kind } });

/** A workspace whose owner `a` has made `b` an owner too; both as fresh Actors. */
async function twoOwners() {
  const a = await newUser("Owner A");
  const b = await newUser("Owner B");
  await addMember(a.actor, { email: b.email, role: "OWNER" });
  const ws = a.workspace.id;
  return { ws, a, b, actorA: await requireMember(a.user.id, ws), actorB: await requireMember(b.user.id, ws) };
}

beforeEach(() => {
  session.userId = null;
});

describe("invitation links", () => {
  let owner: TestUser;
  beforeAll(async () => {
    owner = await newUser("Inviter");
  });

  it("creates a cbi_ link valid 7 days by default; only its sha256 is stored, and the audit names no secret", async () => {
    const before = Date.now();
    const inv = await createInvitation(owner.actor, { role: "EDITOR" });
    expect(inv.token).toMatch(/^cbi_[A-Za-z0-9_-]{43}$/);
    expect(inv.path).toBe(`/invite/${inv.token}`);
    expect(inv).toMatchObject({ role: "EDITOR", status: "pending", usedBy: null, createdBy: { id: owner.user.id } });
    expect(inv.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
    expect(inv.expiresAt.getTime() - before).toBeLessThan(7 * 86_400_000 + 5000);
    const row = await db().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).toBe(sha256(inv.token));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: inv.id, action: "invitation.create" }, select: { before: true, after: true } });
    expect(JSON.stringify(audit)).not.toContain(inv.token.slice(4));
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
    expect(await listInvitations(owner.actor)).toEqual(expect.arrayContaining([expect.objectContaining({ id: inv.id, status: "pending" })]));
    expect(JSON.stringify(await listInvitations(owner.actor))).not.toContain(row.tokenHash);
  });

  it.each([
    [0, "expiresInDays", /At least 1 day/],
    [31, "expiresInDays", /At most 30 days/],
    [2.5, "expiresInDays", /Whole days/],
  ])("refuses an expiry of %s days", async (days, field, message) => {
    await expectFieldError(createInvitation(owner.actor, { role: "VIEWER", expiresInDays: days }), field, message);
  });

  it("lets only owners create, list and revoke links", async () => {
    const editor = await newUser("Not owner");
    await addMember(owner.actor, { email: editor.email, role: "EDITOR" });
    const asEditor = await requireMember(editor.user.id, owner.workspace.id);
    await expectAppError(createInvitation(asEditor, { role: "VIEWER" }), "forbidden", /needs owner/);
    await expectAppError(listInvitations(asEditor), "forbidden");
    const inv = await createInvitation(owner.actor, { role: "VIEWER", expiresInDays: 1 });
    await expectAppError(revokeInvitation(asEditor, inv.id), "forbidden");
  });

  it("joins a signed-in account with the role, once: audited, emitted, and marked used by them", async () => {
    const inv = await createInvitation(owner.actor, { role: "REVIEWER", expiresInDays: 30 });
    const lan = await newUser("Lan");
    const emitted = await events(owner.workspace.id, "member.added");
    const res = await acceptInvitation(lan.user.id, inv.token);
    expect(res).toMatchObject({ outcome: "joined", role: "REVIEWER", workspace: { id: owner.workspace.id, slug: owner.workspace.slug } });
    expect(await roleIn(owner.workspace.id, lan.user.id)).toBe("REVIEWER");
    expect(await events(owner.workspace.id, "member.added")).toBe(emitted + 1);
    const audits = await db().auditEvent.findMany({ where: { workspaceId: owner.workspace.id, actorId: lan.user.id }, select: { action: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(["invitation.accept", "member.add"]);
    expect(only((await listInvitations(owner.actor)).filter((i) => i.id === inv.id))).toMatchObject({
      status: "used",
      usedBy: { id: lan.user.id, name: "Lan" },
    });
    // Their own workspace is untouched: the link names one workspace only.
    expect(await roleIn(lan.workspace.id, lan.user.id)).toBe("OWNER");
  });

  type Case = { name: string; prepare: (token: string, id: string) => Promise<unknown>; code: string; message: RegExp; status?: string };
  const unusable: Case[] = [
    {
      name: "a second use by someone else",
      prepare: async (token) => acceptInvitation((await newUser("First")).user.id, token),
      code: "conflict",
      message: /already been used; each link works once/,
      status: "used",
    },
    {
      name: "an expired link",
      prepare: (_, id) => db().invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } }),
      code: "conflict",
      message: /expired on \d{4}-\d\d-\d\d/,
      status: "expired",
    },
    {
      name: "a revoked link",
      prepare: (_, id) => revokeInvitation(owner.actor, id),
      code: "conflict",
      message: /revoked/,
      status: "revoked",
    },
  ];
  it.each(unusable)("refuses $name with a clear message, and the page says so", async ({ prepare, code, message, status }) => {
    const inv = await createInvitation(owner.actor, { role: "EDITOR" });
    await prepare(inv.token, inv.id);
    const late = await newUser("Late");
    const err = await expectAppError(acceptInvitation(late.user.id, inv.token), code, message);
    expect(err.details).toEqual({ status });
    expect(await roleIn(owner.workspace.id, late.user.id)).toBeNull();
    expect(await describeInvitation(inv.token, late.user.id)).toMatchObject({ status, workspace: { name: owner.workspace.name, slug: null } });
  });

  it.each([
    ["an unknown token", `cbi_${"A".repeat(43)}`],
    ["a malformed token", "cbi_short"],
    ["an API token", `cb_${"A".repeat(43)}`],
  ])("answers %s as an invalid link (404)", async (_, token) => {
    const someone = await newUser("Guesser");
    await expectAppError(acceptInvitation(someone.user.id, token), "not_found", /not valid/);
    expect(await describeInvitation(token, someone.user.id)).toEqual({ status: "unknown" });
  });

  it("needs a signed-in account, and tells the same person they already joined", async () => {
    const inv = await createInvitation(owner.actor, { role: "VIEWER" });
    await expectAppError(acceptInvitation(null, inv.token), "unauthorized", /Sign in or create an account/);
    expect(await describeInvitation(inv.token, null)).toMatchObject({ status: "pending", role: "VIEWER", invitedBy: "Inviter", yourRole: null });
    const minh = await newUser("Minh");
    await acceptInvitation(minh.user.id, inv.token);
    await expectAppError(acceptInvitation(minh.user.id, inv.token), "conflict", /You have already joined/);
    expect(await describeInvitation(inv.token, minh.user.id)).toMatchObject({
      status: "used",
      usedByYou: true,
      yourRole: "VIEWER",
      workspace: { slug: owner.workspace.slug },
    });
  });

  it("keeps the higher role for an existing member: a lower invitation stays unused, a higher one promotes", async () => {
    const editor = await newUser("Existing");
    await addMember(owner.actor, { email: editor.email, role: "EDITOR" });
    const lower = await createInvitation(owner.actor, { role: "VIEWER" });
    expect(await acceptInvitation(editor.user.id, lower.token)).toMatchObject({ outcome: "already_member", role: "EDITOR" });
    expect(await roleIn(owner.workspace.id, editor.user.id)).toBe("EDITOR");
    expect(only((await listInvitations(owner.actor)).filter((i) => i.id === lower.id)).status).toBe("pending");
    // The owner opening their own link stays owner (an invitation never demotes, so never removes the last owner).
    expect(await acceptInvitation(owner.user.id, lower.token)).toMatchObject({ outcome: "already_member", role: "OWNER" });
    const higher = await createInvitation(owner.actor, { role: "OWNER" });
    expect(await acceptInvitation(editor.user.id, higher.token)).toMatchObject({ outcome: "promoted", role: "OWNER" });
    expect(await roleIn(owner.workspace.id, editor.user.id)).toBe("OWNER");
  });

  it("lets exactly one of two people accept the same link at the same moment", async () => {
    const inv = await createInvitation(owner.actor, { role: "EDITOR" });
    const [x, y] = [await newUser("Racer X"), await newUser("Racer Y")];
    const results = await Promise.allSettled([acceptInvitation(x.user.id, inv.token), acceptInvitation(y.user.id, inv.token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const members = await Promise.all([roleIn(owner.workspace.id, x.user.id), roleIn(owner.workspace.id, y.user.id)]);
    expect(members.filter(Boolean)).toEqual(["EDITOR"]);
  });

  it("revokes once (twice changes nothing), refuses revoking a used link, and hides links from other workspaces", async () => {
    const inv = await createInvitation(owner.actor, { role: "EDITOR" });
    const other = await newUser("Other desk");
    await expectAppError(revokeInvitation(other.actor, inv.id), "not_found");
    expect((await listInvitations(other.actor)).map((i) => i.id)).not.toContain(inv.id);
    const revoked = await revokeInvitation(owner.actor, inv.id);
    expect(revoked.status).toBe("revoked");
    expect(await revokeInvitation(owner.actor, inv.id)).toMatchObject({ status: "revoked", revokedAt: revoked.revokedAt });
    expect(await db().auditEvent.count({ where: { entityId: inv.id, action: "invitation.revoke" } })).toBe(1);
    const used = await createInvitation(owner.actor, { role: "VIEWER" });
    await acceptInvitation((await newUser("User")).user.id, used.token);
    await expectAppError(revokeInvitation(owner.actor, used.id), "conflict", /already been used/);
    await expectAppError(revokeInvitation(owner.actor, "not-an-id"), "not_found");
  });
});

describe("leaving a workspace", () => {
  it("lets a member leave: membership, tokens and presence go at once", async () => {
    const owner = await newUser("Host");
    const guest = await newUser("Guest");
    await addMember(owner.actor, { email: guest.email, role: "EDITOR" });
    const asGuest = await requireMember(guest.user.id, owner.workspace.id);
    const { token } = await createApiToken(asGuest, { name: "script", role: "EDITOR" });
    const { articleId } = await importPassages(owner, "Một đoạn văn để đọc.");
    await heartbeat(asGuest, articleId, { tabId: "guest-tab-1" });
    expect(await leaveWorkspace(asGuest)).toEqual({ userId: guest.user.id, workspaceId: owner.workspace.id });
    expect(await roleIn(owner.workspace.id, guest.user.id)).toBeNull();
    await expectAppError(requireMember(guest.user.id, owner.workspace.id), "not_found");
    expect(await db().apiToken.findFirstOrThrow({ where: { tokenHash: sha256(token) }, select: { revokedAt: true } })).not.toMatchObject({ revokedAt: null });
    expect(await listPresence(owner.actor, articleId)).toEqual([]);
    expect(await events(owner.workspace.id, "member.removed")).toBe(1);
    expect(await db().auditEvent.count({ where: { workspaceId: owner.workspace.id, action: "member.leave", actorId: guest.user.id } })).toBe(1);
  });

  it("refuses the last owner, saying to make someone else owner first; with a second owner they may leave", async () => {
    const { ws, a, actorA, actorB } = await twoOwners();
    const alone = await newUser("Alone");
    await expectAppError(leaveWorkspace(alone.actor), "conflict", /last owner of this workspace: make someone else owner first/);
    expect(await roleIn(alone.workspace.id, alone.user.id)).toBe("OWNER");
    await leaveWorkspace(actorB);
    await expectAppError(leaveWorkspace(actorA), "conflict", /make someone else owner first/);
    expect(await roleIn(ws, a.user.id)).toBe("OWNER");
  });
});

describe("a workspace always keeps an owner, under concurrency", () => {
  const ROUNDS = 20;

  it(`two owners demoting each other at the same moment leave exactly one owner (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { ws, a, b, actorA, actorB } = await twoOwners();
      const results = await Promise.allSettled([
        updateMemberRole(actorA, b.user.id, { role: "EDITOR" }),
        updateMemberRole(actorB, a.user.id, { role: "EDITOR" }),
      ]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      expect(await owners(ws), `round ${round}`).toBe(1);
    }
  });

  it(`two owners removing each other at the same moment leave exactly one owner (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { ws, a, b, actorA, actorB } = await twoOwners();
      const results = await Promise.allSettled([removeMember(actorA, b.user.id), removeMember(actorB, a.user.id)]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      expect(await owners(ws), `round ${round}`).toBe(1);
      expect(await db().membership.count({ where: { workspaceId: ws } }), `round ${round}`).toBe(1);
    }
  });

  it(`one owner leaving while the other demotes them leaves exactly one owner (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { ws, a, b, actorA, actorB } = await twoOwners();
      await Promise.allSettled([
        leaveWorkspace(actorA),
        updateMemberRole(actorA, b.user.id, { role: "VIEWER" }),
        updateMemberRole(actorB, a.user.id, { role: "VIEWER" }),
      ]);
      expect(await owners(ws), `round ${round}`).toBe(1);
    }
  });

  it("refuses a request that began before its own demotion (the role is read again under the lock)", async () => {
    const { ws, b, actorA, actorB } = await twoOwners();
    const editor = await newUser("Bystander");
    await addMember(actorA, { email: editor.email, role: "EDITOR" });
    await updateMemberRole(actorA, b.user.id, { role: "EDITOR" });
    // actorB was resolved while B was still an owner.
    await expectAppError(removeMember(actorB, editor.user.id), "forbidden", /Your role \(editor\)/);
    expect(await roleIn(ws, editor.user.id)).toBe("EDITOR");
  });
});

describe("removing a member takes effect at once", () => {
  it("refuses their next service call, API call with a token, and API call with their session", async () => {
    const owner = await newUser("Remover");
    const gone = await newUser("Removed");
    await addMember(owner.actor, { email: gone.email, role: "EDITOR" });
    const ws = owner.workspace.id;
    const asGone = await requireMember(gone.user.id, ws);
    const { token } = await createApiToken(asGone, { name: "script", role: "EDITOR" });
    const list = (auth: { token?: string }) => call(articlesRoute.GET, `/workspaces/${ws}/articles`, { ...auth, params: { workspaceId: ws } });
    expect((await list({ token })).status).toBe(200);
    session.userId = gone.user.id;
    expect((await list({})).status).toBe(200);

    await removeMember(owner.actor, gone.user.id);
    await expectAppError(requireMember(gone.user.id, ws), "not_found", /Workspace not found/);
    // An Actor issued before the removal is refused by the next membership write.
    await expectAppError(leaveWorkspace(asGone), "not_found");
    expect((await list({ token })).status).toBe(401);
    const bySession = await list({});
    expect([bySession.status, bySession.body.error.code]).toEqual([404, "not_found"]);
    expect(await events(ws, "member.removed")).toBe(1);
  });
});

describe("presence", () => {
  let owner: TestUser;
  let lan: TestUser;
  let asLan: Awaited<ReturnType<typeof requireMember>>;
  let articleId: string;
  let claimId: string;
  let otherClaimId: string;
  const ws = () => owner.workspace.id;
  const setSeen = (userId: string, msAgo: number) =>
    db().presence.updateMany({ where: { workspaceId: ws(), userId }, data: { seenAt: new Date(Date.now() - msAgo) } });

  beforeAll(async () => {
    owner = await newUser("Reader Owner");
    lan = await newUser("Lan Nguyễn");
    await addMember(owner.actor, { email: lan.email, role: "EDITOR" });
    asLan = await requireMember(lan.user.id, owner.workspace.id);
    const a = await importPassages(owner, "Nhà Trắng nói Triều Tiên đã chuyển đạn pháo cho Nga.");
    articleId = a.articleId;
    claimId = (await markQuote(owner, a.passages, "Triều Tiên đã chuyển đạn pháo", "arms_transfer")).id;
    const b = await importPassages(owner, "Điện Kremlin bác bỏ thông tin.", { title: "Another article" });
    otherClaimId = (await markQuote(owner, b.passages, "bác bỏ thông tin", "denial")).id;
  });

  it("lists viewers with name, initials and the claim they edit; emits only what others would notice", async () => {
    const changed = () => events(ws(), "presence.changed");
    const start = await changed();
    expect(await heartbeat(owner.actor, articleId, { tabId: "owner-tab-1" })).toEqual([
      { userId: owner.user.id, name: "Reader Owner", initials: "RO", editingAnnotationId: null, you: true },
    ]);
    expect(await changed()).toBe(start + 1);
    // Same tab, nothing new: no event.
    await heartbeat(owner.actor, articleId, { tabId: "owner-tab-1" });
    expect(await changed()).toBe(start + 1);
    // A second tab of the same person is not a new viewer.
    await heartbeat(owner.actor, articleId, { tabId: "owner-tab-2" });
    expect(await changed()).toBe(start + 1);

    const viewers = await heartbeat(asLan, articleId, { tabId: "lan-tab-1", editingAnnotationId: claimId });
    expect(await changed()).toBe(start + 2);
    expect(viewers).toEqual([
      { userId: lan.user.id, name: "Lan Nguyễn", initials: "LN", editingAnnotationId: claimId, you: true },
      { userId: owner.user.id, name: "Reader Owner", initials: "RO", editingAnnotationId: null, you: false },
    ]);
    expect(await listPresence(owner.actor, articleId)).toEqual([
      expect.objectContaining({ userId: lan.user.id, editingAnnotationId: claimId, you: false }),
      expect.objectContaining({ userId: owner.user.id, you: true }),
    ]);
    // Stops editing: others notice.
    await heartbeat(asLan, articleId, { tabId: "lan-tab-1", editingAnnotationId: null });
    expect(await changed()).toBe(start + 3);
    expect(await db().presence.count({ where: { workspaceId: ws(), articleId } })).toBe(3);
  });

  it("forgets a viewer 15 s after their last heartbeat, prunes old rows, and a leave removes the tab at once", async () => {
    await heartbeat(asLan, articleId, { tabId: "lan-tab-1" });
    await setSeen(lan.user.id, 16_000);
    expect((await listPresence(owner.actor, articleId)).map((v) => v.userId)).not.toContain(lan.user.id);
    // Coming back after that is noticed again.
    const before = await events(ws(), "presence.changed");
    await heartbeat(asLan, articleId, { tabId: "lan-tab-1" });
    expect(await events(ws(), "presence.changed")).toBe(before + 1);

    await setSeen(lan.user.id, 61_000);
    await heartbeat(owner.actor, articleId, { tabId: "owner-tab-1" });
    expect(await db().presence.count({ where: { workspaceId: ws(), userId: lan.user.id } })).toBe(0);

    await heartbeat(asLan, articleId, { tabId: "lan-tab-1" });
    const left = await events(ws(), "presence.changed");
    expect((await leave(asLan, articleId, { tabId: "lan-tab-1" })).map((v) => v.userId)).not.toContain(lan.user.id);
    expect(await events(ws(), "presence.changed")).toBe(left + 1);
    // Leaving a tab that is not there changes nothing.
    await leave(asLan, articleId, { tabId: "lan-tab-1" });
    expect(await events(ws(), "presence.changed")).toBe(left + 1);
  });

  it("refuses editing for a viewer, a claim of another article, an article of another workspace and a bad tab id", async () => {
    const viewer = await newUser("Viewer");
    await addMember(owner.actor, { email: viewer.email, role: "VIEWER" });
    const asViewer = await requireMember(viewer.user.id, ws());
    expect(await heartbeat(asViewer, articleId, { tabId: "viewer-tab-1" })).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: viewer.user.id, editingAnnotationId: null })]),
    );
    await expectAppError(heartbeat(asViewer, articleId, { tabId: "viewer-tab-1", editingAnnotationId: claimId }), "forbidden");
    await expectFieldError(heartbeat(asLan, articleId, { tabId: "lan-tab-9", editingAnnotationId: otherClaimId }), "editingAnnotationId", /Not a claim/);
    const stranger = await newUser("Stranger");
    await expectAppError(heartbeat(stranger.actor, articleId, { tabId: "stranger-tab" }), "not_found", /Article not found/);
    expect(await listPresence(stranger.actor, articleId)).toEqual([]);
    await expectFieldError(heartbeat(asLan, articleId, { tabId: "x" }), "tabId");
  });

  it("drops a removed member's presence with their membership", async () => {
    const temp = await newUser("Temp");
    await addMember(owner.actor, { email: temp.email, role: "VIEWER" });
    await heartbeat(await requireMember(temp.user.id, ws()), articleId, { tabId: "temp-tab-1" });
    expect((await listPresence(owner.actor, articleId)).map((v) => v.name)).toContain("Temp");
    await removeMember(owner.actor, temp.user.id);
    expect((await listPresence(owner.actor, articleId)).map((v) => v.name)).not.toContain("Temp");
  });
});

describe("REST API: invitations, leaving, presence", () => {
  it("creates, lists and revokes invitations with an owner token; a session accepts; tokens cannot accept or leave", async () => {
    const owner = await newUser("Api Owner");
    const ws = owner.workspace.id;
    const { token } = await createApiToken(owner.actor, { name: "owner script", role: "OWNER" });
    const viewerToken = (await createApiToken(owner.actor, { name: "viewer script", role: "VIEWER" })).token;
    const at = (path: string, extra: Record<string, string> = {}) => [`/workspaces/${ws}${path}`, { workspaceId: ws, ...extra }] as const;

    const [url, params] = at("/invitations");
    const created = await call(invitationsRoute.POST, url, { method: "POST", token, params, body: { role: "EDITOR", expiresInDays: 3 } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const inv = documented(composite.invitationCreated, created.body);
    expect(inv).toMatchObject({ role: "EDITOR", status: "pending", path: `/invite/${inv.token}` });
    const bad = await call(invitationsRoute.POST, url, { method: "POST", token, params, body: { role: "EDITOR", expiresInDays: 45, extra: 1 } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(expect.arrayContaining(["expiresInDays"]));
    expect((await call(invitationsRoute.GET, url, { token: viewerToken, params })).status).toBe(403);
    const listed = documented(composite.invitations, (await call(invitationsRoute.GET, url, { token, params })).body);
    expect(listed.items.map((i) => i.id)).toContain(inv.id);
    expect(JSON.stringify(listed)).not.toContain(inv.token);

    const joiner = await newUser("Api Joiner");
    const accept = (auth: { token?: string }) => call(acceptRoute.POST, "/invitations/accept", { method: "POST", ...auth, body: { token: inv.token } });
    expect((await accept({})).status).toBe(401);
    expect((await accept({ token })).body.error).toMatchObject({ code: "forbidden", details: { auth: "session_required" } });
    session.userId = joiner.user.id;
    const accepted = await accept({});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(documented(composite.invitationAccepted, accepted.body)).toMatchObject({ outcome: "joined", role: "EDITOR", workspace: { id: ws } });
    const again = await accept({});
    expect([again.status, again.body.error.details.status]).toEqual([409, "used"]);

    session.userId = null;
    const [one, oneParams] = at(`/invitations/${inv.id}`, { id: inv.id });
    const revokeUsed = await call(invitationRoute.DELETE, one, { method: "DELETE", token, params: oneParams });
    expect(revokeUsed.status).toBe(409);
    const fresh = documented(
      composite.invitationCreated,
      (await call(invitationsRoute.POST, url, { method: "POST", token, params, body: { role: "VIEWER" } })).body,
    );
    const [freshUrl, freshParams] = at(`/invitations/${fresh.id}`, { id: fresh.id });
    const revoked = await call(invitationRoute.DELETE, freshUrl, { method: "DELETE", token, params: freshParams });
    expect([revoked.status, revoked.body.status]).toEqual([200, "revoked"]);

    // Leaving: the session may, a token may not; the last owner may not.
    const [leaveUrl, leaveParams] = at("/membership");
    expect((await call(membershipRoute.DELETE, leaveUrl, { method: "DELETE", token, params: leaveParams })).status).toBe(403);
    session.userId = owner.user.id;
    const last = await call(membershipRoute.DELETE, leaveUrl, { method: "DELETE", params: leaveParams });
    expect([last.status, last.body.error.message]).toEqual([409, expect.stringMatching(/make someone else owner first/)]);
    session.userId = joiner.user.id;
    const left = await call(membershipRoute.DELETE, leaveUrl, { method: "DELETE", params: leaveParams });
    expect(left.status).toBe(200);
    expect(documented(composite.workspaceLeft, left.body)).toEqual({ userId: joiner.user.id, workspaceId: ws });
    expect((await call(membershipRoute.DELETE, leaveUrl, { method: "DELETE", params: leaveParams })).status).toBe(404);
  });

  it("PUT, GET and DELETE presence on an article", async () => {
    const owner = await newUser("Presence Api");
    const ws = owner.workspace.id;
    const { articleId } = await importPassages(owner, "Một đoạn văn.");
    const { token } = await createApiToken(owner.actor, { name: "viewer", role: "VIEWER" });
    const url = `/workspaces/${ws}/articles/${articleId}/presence`;
    const params = { workspaceId: ws, id: articleId };
    const put = await call(presenceRoute.PUT, url, { method: "PUT", token, params, body: { tabId: "api-tab-01" } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(documented(composite.presence, put.body).items).toEqual([expect.objectContaining({ userId: owner.user.id, initials: "PA", you: true })]);
    const get = await call(presenceRoute.GET, url, { token, params });
    expect(documented(composite.presence, get.body).items).toHaveLength(1);
    // A viewer token cannot say it is editing.
    const editing = await call(presenceRoute.PUT, url, {
      method: "PUT",
      token,
      params,
      body: { tabId: "api-tab-01", editingAnnotationId: crypto.randomUUID() },
    });
    expect(editing.status).toBe(403);
    expect((await call(presenceRoute.DELETE, url, { method: "DELETE", token, params })).status).toBe(422);
    const del = await call(presenceRoute.DELETE, `${url}?tabId=api-tab-01`, { method: "DELETE", token, params });
    expect([del.status, del.body.items]).toEqual([200, []]);
    const missing = crypto.randomUUID();
    const gone = await call(presenceRoute.PUT, `/workspaces/${ws}/articles/${missing}/presence`, {
      method: "PUT",
      token,
      params: { workspaceId: ws, id: missing },
      body: { tabId: "api-tab-01" },
    });
    expect(gone.status).toBe(404);
  });
});
