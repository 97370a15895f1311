import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { attemptSignIn, register } from "@/lib/server/users";
import { newUser } from "@/lib/test/helpers";

const hash = vi.spyOn(bcrypt, "hash");
afterAll(() => {
  hash.mockRestore();
});

describe("sign-up that does not tell whether an email is registered, on a real PostgreSQL", () => {
  it("for a taken email: does the same hashing, creates nothing, changes nothing, and says only created: false", async () => {
    const existing = await newUser("Taken");
    const db = getDb();
    const [users, workspaces] = [await db.user.count(), await db.workspace.count()];
    hash.mockClear();
    const result = await register({ name: "Someone else", email: existing.email.toUpperCase(), password: "another password" });
    expect(result).toEqual({ created: false });
    expect(hash).toHaveBeenCalledTimes(1);
    expect([await db.user.count(), await db.workspace.count()]).toEqual([users, workspaces]);
    expect((await db.user.findUniqueOrThrow({ where: { email: existing.email }, select: { name: true } })).name).toBe("Taken");
    expect((await attemptSignIn(existing.email, "correct horse")).outcome).toBe("ok");
    expect((await attemptSignIn(existing.email, "another password")).outcome).toBe("wrong");
  });

  it("for a new email: creates the account and its workspace, with the same one hash", async () => {
    hash.mockClear();
    const result = await register({ name: "Newcomer", email: `new-${Date.now()}@test.local`, password: "a fine password" });
    if (!result.created) throw new Error("expected an account");
    expect(result.workspace.slug).toMatch(/\S/);
    expect(hash).toHaveBeenCalledTimes(1);
  });

  it("answers created: false, not a conflict error, to the loser of two simultaneous sign-ups", async () => {
    const email = `race-${Date.now()}@test.local`;
    const results = await Promise.all(Array.from({ length: 4 }, () => register({ name: "Racer", email, password: "a fine password" })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await getDb().user.count({ where: { email } })).toBe(1);
  });
});
