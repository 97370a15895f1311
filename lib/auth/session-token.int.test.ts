import { describe, expect, it } from "vitest";
import { SESSION_LIFETIMES } from "@/lib/auth/session-lifetime";
import { onSignOut, sessionTokenCallback } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db/client";
import { endAllSessions, endOtherSession, listSessions, startSession } from "@/lib/server/user-sessions";
import { listInbox, unreadCount } from "@/lib/server/inbox";
import { attemptSignIn, changePassword } from "@/lib/server/users";
import { expectAppError, newUser, type TestUser } from "@/lib/test/helpers";

type Token = Record<string, unknown>;
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
let device = 0;

/** The token Auth.js would store after a sign-in at `at`, as the jwt callback stamps it. */
async function signInToken(who: TestUser, at = new Date(), userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36"): Promise<Token> {
  const client = `192.0.2.${++device}`;
  const result = await attemptSignIn(who.email, "correct horse", { client });
  if (result.outcome !== "ok") throw new Error(`sign-in failed: ${result.outcome}`);
  // What `authorize` does after a right password: one session row per sign-in.
  const sessionId = await startSession(result.user.id, { userAgent, client });
  const token = await sessionTokenCallback({ token: { sub: who.user.id, email: who.email }, user: { ...result.user, sessionId } }, at);
  if (!token) throw new Error("no token at sign-in");
  return { ...token, iat: seconds(at) };
}

/** What a later auth() sees: the stored token read back at `at` (null means signed out). */
const read = (token: Token, at = new Date()) => sessionTokenCallback({ token }, at);

describe("session tokens, on a real PostgreSQL", () => {
  it("stamps the user, their session version and the sign-in time at sign-in", async () => {
    const who = await newUser("Stamp");
    const at = new Date();
    const token = await signInToken(who, at);
    expect(token).toMatchObject({ uid: who.user.id, sv: 1, authAt: seconds(at) });
    expect(await read(token)).toEqual(token);
  });

  it("ends a copied token at sign-out, keeps the user's other devices signed in, and a new sign-in works", async () => {
    const who = await newUser("Copy");
    const laptop = await signInToken(who);
    const copied = { ...laptop };
    const phone = await signInToken(who);
    await onSignOut({ token: laptop });
    expect(await read(copied)).toBeNull();
    expect(await read(laptop)).toBeNull();
    expect(await read(phone)).not.toBeNull();
    expect(await read(await signInToken(who))).not.toBeNull();
  });

  it("refuses a token naming another user's session, or none", async () => {
    const [a, b] = [await newUser("SidA"), await newUser("SidB")];
    const mine = await signInToken(a);
    const theirs = await signInToken(b);
    expect(await read({ ...mine, sid: theirs.sid })).toBeNull();
    const { sid: _sid, ...without } = mine;
    expect(await read(without)).toBeNull();
  });

  it("lists where the user is signed in, and ends another device only with the right password", async () => {
    const who = await newUser("Devices");
    const laptop = await signInToken(who, new Date(), "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/140.0");
    const phone = await signInToken(who, new Date(), "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile Safari/604.1");
    const other = await signInToken(await newUser("Elsewhere"));
    const listed = await listSessions(who.user.id, laptop.sid as string);
    expect(listed.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [laptop.sid, true],
        [phone.sid, false],
      ].sort(),
    );
    expect(listed.find((s) => s.id === phone.sid)?.userAgent).toMatch(/iPhone/);

    await expectAppError(endOtherSession(who.user.id, laptop.sid as string, { sessionId: phone.sid, currentPassword: "not it" }), "unauthorized", /password/);
    expect(await read(phone)).not.toBeNull();
    await expectAppError(
      endOtherSession(who.user.id, laptop.sid as string, { sessionId: laptop.sid, currentPassword: "correct horse" }),
      "bad_request",
      /sign out instead/,
    );
    // Another user's session is not found, and stays signed in.
    await expectAppError(endOtherSession(who.user.id, laptop.sid as string, { sessionId: other.sid, currentPassword: "correct horse" }), "not_found");
    expect(await read(other)).not.toBeNull();

    await endOtherSession(who.user.id, laptop.sid as string, { sessionId: phone.sid, currentPassword: "correct horse" });
    expect(await read(phone)).toBeNull();
    expect(await read(laptop)).not.toBeNull();
    expect((await listSessions(who.user.id, laptop.sid as string)).map((s) => s.id)).toEqual([laptop.sid]);
  });

  it("does not let an already-ended token sign the owner out again", async () => {
    const who = await newUser("Stale");
    const old = await signInToken(who);
    await endAllSessions(who.user.id);
    const current = await signInToken(who);
    await onSignOut({ token: old });
    expect(await read(current)).not.toBeNull();
  });

  it("ends every session on a password change, which needs the current password", async () => {
    const who = await newUser("Change");
    const before = await signInToken(who);
    await expectAppError(changePassword(who.user.id, { currentPassword: "not it", newPassword: "a new passphrase" }), "unauthorized", /current password/);
    expect(await read(before)).not.toBeNull();

    await changePassword(who.user.id, { currentPassword: "correct horse", newPassword: "a new passphrase" });
    expect(await read(before)).toBeNull();
    expect((await attemptSignIn(who.email, "correct horse")).outcome).toBe("wrong");
    expect((await attemptSignIn(who.email, "a new passphrase")).outcome).toBe("ok");
  });

  it("leaves a security notice in the inbox of each of the user's workspaces on a password change (ASVS V2.2.3)", async () => {
    const who = await newUser("Notice");
    await expectAppError(changePassword(who.user.id, { currentPassword: "not it", newPassword: "a new passphrase" }), "unauthorized");
    expect(await unreadCount(who.actor)).toEqual({ unread: 0 });

    await changePassword(who.user.id, { currentPassword: "correct horse", newPassword: "a new passphrase" }, { client: "198.51.100.7" });
    const { items } = await listInbox(who.actor);
    expect(items).toEqual([
      expect.objectContaining({ kind: "security", targetType: "user", targetId: who.user.id, status: "PASSWORD_CHANGED", label: "198.51.100.7", readAt: null }),
    ]);
    expect(items[0]?.actor).toEqual({ id: who.user.id, name: "Notice" });
    // Nobody else is told.
    const other = await newUser("Bystander");
    expect(await unreadCount(other.actor)).toEqual({ unread: 0 });
  });

  it("ends every session on 'sign out everywhere'", async () => {
    const who = await newUser("Everywhere");
    const tokens = [await signInToken(who), await signInToken(who)];
    await endAllSessions(who.user.id);
    for (const token of tokens) expect(await read(token)).toBeNull();
    expect(await listSessions(who.user.id, null)).toEqual([]);
    // The next sign-in drops the ended rows: one row left, its own.
    const next = await signInToken(who);
    expect(await getDb().userSession.findMany({ where: { userId: who.user.id }, select: { id: true } })).toEqual([{ id: next.sid }]);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: who.user.id }, select: { sessionVersion: true } })).sessionVersion).toBe(2);
  });

  it("applies the absolute lifetime however active the session, and the idle one since the token was last issued", async () => {
    const who = await newUser("Lifetime");
    const signedIn = new Date(Date.now() - SESSION_LIFETIMES.maxSeconds * 1000);
    const token = await signInToken(who, signedIn);
    const { idleSeconds, maxSeconds } = SESSION_LIFETIMES;
    const at = (s: number) => new Date((seconds(signedIn) + s) * 1000);
    // Re-issued a minute ago, but signed in longer ago than the absolute limit.
    expect(await read({ ...token, iat: seconds(at(maxSeconds)) - 60 }, at(maxSeconds))).not.toBeNull();
    expect(await read({ ...token, iat: seconds(at(maxSeconds)) - 60 }, at(maxSeconds + 1))).toBeNull();
    // Active recently, then idle: fine up to the idle limit, signed out after it.
    expect(await read({ ...token, iat: seconds(at(3600)) }, at(3600 + idleSeconds))).not.toBeNull();
    expect(await read({ ...token, iat: seconds(at(3600)) }, at(3600 + idleSeconds + 1))).toBeNull();
  });

  it("refuses tokens issued before session versions existed", async () => {
    const who = await newUser("Legacy");
    expect(await read({ uid: who.user.id, sub: who.user.id, iat: seconds(new Date()) })).toBeNull();
  });
});
