import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiActor } from "@/lib/api/auth";
import { requireMember } from "@/lib/auth/membership";
import { countQueries } from "@/lib/db/query-count";
import { getDb } from "@/lib/db/client";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/server/api-tokens";
import { AppError } from "@/lib/server/errors";
import { setMember } from "@/lib/server/workspaces";
import { newUser, actorFor } from "@/lib/test/helpers";

// apiActor's module reads the browser session too; these tests send tokens only.
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

async function appError(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("API tokens, on a real PostgreSQL", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  let viewer: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    owner = await newUser("Owner");
    viewer = await newUser("Viewer");
    await actorFor(owner.user.id, owner.workspace.id).then((who) => setMember(who, { email: viewer.email, role: "VIEWER" }));
  });

  it("returns the plain token once, stores only its sha256, and audits the creation", async () => {
    const created = await actorFor(owner.user.id, owner.workspace.id).then((who) => createApiToken(who, { name: "  nightly script ", role: "EDITOR" }));
    expect(created.token).toMatch(/^cb_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "nightly script", role: "EDITOR" });
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(3));
    const events = await getDb().auditEvent.findMany({
      where: { workspaceId: owner.workspace.id, entityId: created.id },
      select: { action: true, before: true, after: true },
    });
    expect(events.map((e) => e.action)).toEqual(["apiToken.create"]);
    expect(JSON.stringify(events)).not.toContain(row.tokenHash);
  });

  it("refuses a role above the creator's, and lets a viewer create a viewer token for themselves", async () => {
    const err = await appError(actorFor(viewer.user.id, owner.workspace.id).then((who) => createApiToken(who, { name: "too strong", role: "EDITOR" })));
    expect(err.code).toBe("forbidden");
    expect(err.message).toBe("Your role in this workspace is viewer, so a token can be viewer or lower, not editor");
    const ok = await actorFor(viewer.user.id, owner.workspace.id).then((who) => createApiToken(who, { name: "reader", role: "VIEWER" }));
    expect(ok.role).toBe("VIEWER");
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: ok.id } })).userId).toBe(viewer.user.id);
  });

  it("lists without hashes: members see their own tokens, owners see everyone's", async () => {
    const mine = await listApiTokens(await requireMember(viewer.user.id, owner.workspace.id));
    expect(mine.map((t) => t.name)).toEqual(["reader"]);
    const all = await listApiTokens(await requireMember(owner.user.id, owner.workspace.id));
    expect(all.map((t) => t.name).sort()).toEqual(["nightly script", "reader"]);
    for (const t of all) expect(Object.keys(t).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "revokedAt", "role", "user"]);
  });

  it("authenticates, updates lastUsedAt at most once a minute, and refuses revoked and unknown tokens", async () => {
    const { token, id } = await actorFor(owner.user.id, owner.workspace.id).then((who) => createApiToken(who, { name: "short-lived", role: "VIEWER" }));
    const identity = await authenticateApiToken(token);
    expect(identity).toMatchObject({ id, userId: owner.user.id, workspaceId: owner.workspace.id, role: "VIEWER" });
    const first = (await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await authenticateApiToken(token);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    await getDb().apiToken.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await authenticateApiToken(token);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);

    // Another member cannot revoke (or even see) it; its creator can, twice without harm.
    expect((await appError(actorFor(viewer.user.id, owner.workspace.id).then((who) => revokeApiToken(who, id)))).code).toBe("not_found");
    const revoked = await actorFor(owner.user.id, owner.workspace.id).then((who) => revokeApiToken(who, id));
    expect(revoked.revokedAt).not.toBeNull();
    expect((await actorFor(owner.user.id, owner.workspace.id).then((who) => revokeApiToken(who, id))).revokedAt).toEqual(revoked.revokedAt);
    const actions = await getDb().auditEvent.findMany({ where: { entityId: id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["apiToken.create", "apiToken.revoke"]);

    const gone = await appError(authenticateApiToken(token));
    expect(gone.code).toBe("unauthorized");
    expect(gone.message).toMatch(/revoked/);
    expect((await appError(authenticateApiToken(`cb_${"x".repeat(43)}`))).code).toBe("unauthorized");
    expect((await appError(authenticateApiToken("not-a-token"))).code).toBe("unauthorized");
  });

  it("a token's request reads the token and its creator's membership in one statement, and the actor is the same as from the membership query", async () => {
    const { token } = await actorFor(viewer.user.id, owner.workspace.id).then((who) => createApiToken(who, { name: "one statement", role: "VIEWER" }));
    await authenticateApiToken(token); // lastUsedAt is written once a minute: not in the count below
    const { result: actor, count } = await countQueries(async () => {
      const identity = await authenticateApiToken(token);
      return apiActor({ kind: "token", userId: identity.userId, token: identity }, owner.workspace.id, "workspace.read");
    });
    expect(count).toBe(1);
    const queried = await requireMember(viewer.user.id, owner.workspace.id, { tokenRole: "VIEWER" });
    expect({ ...actor, capabilities: [...actor.capabilities] }).toEqual({ ...queried, capabilities: [...queried.capabilities] });

    // The membership read with the token answers only for that user and workspace; a removed
    // member's token finds no membership and is "not found", as with the query.
    const identity = await authenticateApiToken(token);
    const other = await countQueries(() => requireMember(owner.user.id, owner.workspace.id, { preloaded: identity.membership }));
    expect(other.count).toBe(1);
    expect(other.result.role).toBe("OWNER");
    await getDb().membership.delete({ where: { workspaceId_userId: { workspaceId: owner.workspace.id, userId: viewer.user.id } } });
    try {
      const gone = await authenticateApiToken(token);
      expect((await appError(apiActor({ kind: "token", userId: gone.userId, token: gone }, owner.workspace.id, "workspace.read"))).code).toBe("not_found");
    } finally {
      await actorFor(owner.user.id, owner.workspace.id).then((who) => setMember(who, { email: viewer.email, role: "VIEWER" }));
    }
  });

  it("lets an owner revoke a member's token, and hides tokens of other workspaces", async () => {
    const { id } = await actorFor(viewer.user.id, owner.workspace.id).then((who) => createApiToken(who, { name: "left the desk", role: "VIEWER" }));
    expect((await actorFor(owner.user.id, owner.workspace.id).then((who) => revokeApiToken(who, id))).revokedAt).not.toBeNull();
    // The viewer's own workspace does not contain it.
    expect((await appError(actorFor(viewer.user.id, viewer.workspace.id).then((who) => revokeApiToken(who, id)))).code).toBe("not_found");
    expect((await appError(actorFor(owner.user.id, owner.workspace.id).then((who) => revokeApiToken(who, "not-an-id")))).code).toBe("not_found");
  });
});
