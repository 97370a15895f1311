import { describe, expect, it } from "vitest";
import { authorizeReauth, issueReauthTicket, redeemReauthTicket, TICKET_TTL_MS } from "@/lib/auth/reauth";
import { getDb } from "@/lib/db/client";
import { endAllSessions, listSessions } from "@/lib/server/user-sessions";
import { attemptSignIn, changePassword } from "@/lib/server/users";
import { newUser } from "@/lib/test/helpers";

let device = 0;
const from = (client: string) => new Headers({ "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0", "x-forwarded-for": client });

describe("re-sign-in after a password change, on a real PostgreSQL", () => {
  it("is not refused by a delay someone else put on the same address (an office behind one NAT)", async () => {
    const who = await newUser("Office");
    const client = `203.0.113.${++device}`;
    // Fifty failed sign-ins from this address in the last quarter hour, by others: the next
    // attempt from it is evaluated, and the one after must wait.
    const past = new Date(Date.now() - 60_000);
    await getDb().signInThrottle.create({ data: { key: `client:${client}`, failures: 50, windowStart: past, nextAllowedAt: past, updatedAt: past } });

    const { sessionVersion } = await changePassword(who.user.id, { currentPassword: "correct horse", newPassword: "a new passphrase" }, { client });
    // A second password sign-in (what the action did before) is refused by that delay...
    expect((await attemptSignIn(who.email, "a new passphrase", { client })).outcome).toBe("throttled");
    // ...the ticket is not: the browser that made the change has a new session.
    const user = await authorizeReauth(issueReauthTicket(who.user.id, sessionVersion), from(client));
    expect(user).toMatchObject({ id: who.user.id, email: who.email, sessionVersion });
    const sessions = await listSessions(who.user.id, user?.sessionId ?? null);
    expect(sessions.map((s) => s.id)).toEqual([user?.sessionId]);
  });

  it("signs in once per ticket", async () => {
    const who = await newUser("Once");
    const ticket = issueReauthTicket(who.user.id, 1);
    expect(await authorizeReauth(ticket, from("203.0.113.200"))).toMatchObject({ id: who.user.id });
    expect(await authorizeReauth(ticket, from("203.0.113.200"))).toBeNull();
  });

  it("refuses a ticket after a later change or sign-out everywhere", async () => {
    const who = await newUser("Later");
    const ticket = issueReauthTicket(who.user.id, 1);
    await endAllSessions(who.user.id);
    expect(await authorizeReauth(ticket, from("203.0.113.201"))).toBeNull();
  });

  it("refuses unknown, empty and expired tickets", async () => {
    expect(await authorizeReauth("not-a-ticket", from("203.0.113.202"))).toBeNull();
    expect(await authorizeReauth(undefined, from("203.0.113.202"))).toBeNull();
    expect(redeemReauthTicket("")).toBeNull();
    const at = Date.now();
    const ticket = issueReauthTicket("00000000-0000-4000-8000-000000000000", 1, at);
    expect(redeemReauthTicket(ticket, at + TICKET_TTL_MS)).toBeNull();
    const fresh = issueReauthTicket("00000000-0000-4000-8000-000000000000", 1, at);
    expect(redeemReauthTicket(fresh, at + TICKET_TTL_MS - 1)).toEqual({ userId: "00000000-0000-4000-8000-000000000000", sessionVersion: 1 });
  });
});
