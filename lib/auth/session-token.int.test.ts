import { describe, expect, it } from "vitest";
import { SESSION_LIFETIMES } from "@/lib/auth/session-lifetime";
import { onSignOut, sessionTokenCallback } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db/client";
import { attemptSignIn, changePassword, endAllSessions } from "@/lib/server/users";
import { expectAppError, newUser, type TestUser } from "@/lib/test/helpers";

type Token = Record<string, unknown>;
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
let device = 0;

/** The token Auth.js would store after a sign-in at `at`, as the jwt callback stamps it. */
async function signInToken(who: TestUser, at = new Date()): Promise<Token> {
  const result = await attemptSignIn(who.email, "correct horse", { client: `192.0.2.${++device}` });
  if (result.outcome !== "ok") throw new Error(`sign-in failed: ${result.outcome}`);
  const token = await sessionTokenCallback({ token: { sub: who.user.id, email: who.email }, user: result.user }, at);
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

  it("ends a copied token at sign-out, on every device, and a new sign-in works", async () => {
    const who = await newUser("Copy");
    const laptop = await signInToken(who);
    const copied = { ...laptop };
    const phone = await signInToken(who);
    await onSignOut({ token: laptop });
    expect(await read(copied)).toBeNull();
    expect(await read(phone)).toBeNull();
    expect(await read(await signInToken(who))).not.toBeNull();
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

  it("ends every session on 'sign out everywhere'", async () => {
    const who = await newUser("Everywhere");
    const tokens = [await signInToken(who), await signInToken(who)];
    await endAllSessions(who.user.id);
    for (const token of tokens) expect(await read(token)).toBeNull();
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
