import "server-only";
import { randomBytes } from "node:crypto";
import { clientAddress } from "@/lib/auth/client-address";
import { startSession } from "@/lib/server/user-sessions";
import { userAtSessionVersion } from "@/lib/server/users";

/**
 * One-time tickets that sign a browser in again right after a verified password change, without
 * a second throttled password sign-in: the current password was just checked by a throttled
 * attempt, and a delay someone else caused on the same address (an office behind one NAT) must
 * not send the user who changed it to the sign-in page. A ticket is 256 random bits, held in
 * this process only (the action that issues it redeems it in the same request, through Auth.js's
 * `reauth` provider), good once and for `TICKET_TTL_MS`, and only for the session version the
 * change produced: a later change or "sign out everywhere" voids it.
 */
export const TICKET_TTL_MS = 30_000;
const MAX_OPEN = 10_000;

type Entry = { userId: string; sessionVersion: number; expiresAt: number };
const open = new Map<string, Entry>();

export function issueReauthTicket(userId: string, sessionVersion: number, nowMs: number = Date.now()): string {
  sweep(nowMs);
  const ticket = randomBytes(32).toString("base64url");
  open.set(ticket, { userId, sessionVersion, expiresAt: nowMs + TICKET_TTL_MS });
  return ticket;
}

/** The ticket's user and session version, once; null when unknown, used or expired. */
export function redeemReauthTicket(ticket: unknown, nowMs: number = Date.now()): { userId: string; sessionVersion: number } | null {
  if (typeof ticket !== "string" || ticket.length === 0) return null;
  const entry = open.get(ticket);
  if (!entry) return null;
  open.delete(ticket);
  return entry.expiresAt > nowMs ? { userId: entry.userId, sessionVersion: entry.sessionVersion } : null;
}

// Expired tickets go on the next issue; the cap keeps a flood of changes from growing the map.
function sweep(nowMs: number): void {
  for (const [key, entry] of open) if (entry.expiresAt <= nowMs) open.delete(key);
  while (open.size >= MAX_OPEN) {
    const oldest = open.keys().next().value;
    if (oldest === undefined) break;
    open.delete(oldest);
  }
}

/**
 * The `reauth` provider's `authorize`: a good ticket starts a session for its user (a new
 * UserSession row, as a password sign-in does); anything else is refused as a wrong sign-in.
 */
export async function authorizeReauth(ticket: unknown, headers: Headers) {
  const redeemed = redeemReauthTicket(ticket);
  if (!redeemed) return null;
  const user = await userAtSessionVersion(redeemed.userId, redeemed.sessionVersion);
  if (!user) return null;
  const sessionId = await startSession(user.id, { userAgent: headers.get("user-agent"), client: clientAddress(headers) });
  return { ...user, sessionId };
}
