import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createWorkspace } from "@/lib/server/workspaces";
import { attemptSignIn, changePassword, register } from "@/lib/server/users";
import { expectFieldError, newUser } from "@/lib/test/helpers";

// New passwords (ASVS 4.0.3 V2.1): 12 to 128 characters, none of the most common breached ones,
// any length stored without bcrypt's 72-byte cut; accounts made before keep signing in; a change
// is recorded where the user works. On a real PostgreSQL.

const email = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@test.local`;
// An address range no other test file signs in from (198.18.0.0/15, for network tests): the
// throttle test's counters for 198.51.100.x sit hours in the future and would refuse these.
const device = () => `198.18.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

describe("choosing a password", () => {
  it("refuses a short or breached one at sign-up with a field error, creating nothing, whether or not the email is taken", async () => {
    const taken = await newUser("Taken address");
    for (const address of [email("fresh"), taken.email]) {
      await expectFieldError(register({ name: "Short", email: address, password: "elevenchars" }), "password", /at least 12/);
      await expectFieldError(register({ name: "Common", email: address, password: "Password1234" }), "password", /most common in data breaches/);
    }
    expect(await getDb().user.count({ where: { name: { in: ["Short", "Common"] } } })).toBe(0);
  });

  it("stores a long password whole: one differing after 72 bytes does not sign in", async () => {
    const head = "Triều Tiên và Nga ký hiệp định đối tác chiến lược toàn diện ";
    expect(new TextEncoder().encode(head).length).toBeGreaterThan(72);
    const address = email("long");
    const result = await register({ name: "Long", email: address, password: `${head}một` });
    expect(result.created).toBe(true);
    expect((await attemptSignIn(address, `${head}hai`, { client: device() })).outcome).toBe("wrong");
    expect((await attemptSignIn(address, `${head}một`, { client: device() })).outcome).toBe("ok");
  });

  it("keeps accounts hashed the old way (plain bcrypt, short passwords included) signing in", async () => {
    const address = email("legacy");
    await getDb().user.create({ data: { email: address, name: "Legacy", passwordHash: await bcrypt.hash("old-pass", 10) } });
    expect((await attemptSignIn(address, "old-pass", { client: device() })).outcome).toBe("ok");
    expect((await attemptSignIn(address, "old-pasS", { client: device() })).outcome).toBe("wrong");
  });
});

describe("changing a password", () => {
  it("refuses a breached new password before the current one is checked (no throttle count), and changes nothing", async () => {
    const who = await newUser("Changer");
    await expectFieldError(changePassword(who.user.id, { currentPassword: "wrong current", newPassword: "qwertyuiop123" }), "newPassword", /most common/);
    expect(await getDb().signInThrottle.count({ where: { key: { startsWith: `account:${who.email}` } } })).toBe(0);
    expect((await attemptSignIn(who.email, "correct horse", { client: device() })).outcome).toBe("ok");
  });

  it("records the change in each of the user's workspaces, in the same transaction, and nothing secret", async () => {
    const who = await newUser("Recorded");
    const second = await createWorkspace(who.user.id, { name: "Second desk" });
    const { changedAt } = await changePassword(who.user.id, { currentPassword: "correct horse", newPassword: "a fresh long passphrase" }, { client: device() });
    const events = await getDb().auditEvent.findMany({
      where: { action: "user.password_change", entityId: who.user.id },
      select: { workspaceId: true, actorId: true, entityType: true, after: true, before: true, at: true },
    });
    expect(events.map((e) => e.workspaceId).sort()).toEqual([who.workspace.id, second.id].sort());
    for (const e of events) {
      expect(e).toMatchObject({ actorId: who.user.id, entityType: "User", after: { sessionsEnded: true }, before: null });
      expect(e.at.getTime()).toBe(changedAt.getTime());
      expect(JSON.stringify(e.after)).not.toMatch(/\$2[aby]\$|hmac/);
    }
    expect((await attemptSignIn(who.email, "a fresh long passphrase", { client: device() })).outcome).toBe("ok");
  });
});
