import "server-only";
import { readSessionClaims, SESSION_LIFETIMES, withinSessionLifetimes } from "@/lib/auth/session-lifetime";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/server/errors";
import { attemptSignIn, throttledMessage } from "@/lib/server/users";
import { endOtherSessionSchema } from "@/lib/validation/schemas";

// Where a user is signed in: one UserSession row per sign-in, named in the session token (`sid`).
// A token is good while its row has not ended and its user's sessionVersion is the one it carries
// (the version ends every session at once: password change, "sign out everywhere").

/** How stale `lastSeenAt` may get before the session check refreshes it (one write per session per window). */
const SEEN_REFRESH_MS = 5 * 60_000;
const MAX_LISTED = 50;
const USER_AGENT_MAX = 300;
const CLIENT_MAX = 64;

export type UserSessionView = { id: string; userAgent: string; client: string; createdAt: Date; lastSeenAt: Date; current: boolean };

/** A sign-in: the row the token will name. The user's rows that can no longer stand are dropped here, so they stay few. */
export async function startSession(userId: string, from: { userAgent?: string | null; client?: string | null }, now: Date = new Date()): Promise<string> {
  const db = getDb();
  const cutoff = new Date(now.getTime() - SESSION_LIFETIMES.maxSeconds * 1000);
  await db.userSession.deleteMany({ where: { userId, OR: [{ endedAt: { not: null } }, { createdAt: { lt: cutoff } }] } });
  const row = await db.userSession.create({
    data: { userId, userAgent: (from.userAgent ?? "").slice(0, USER_AGENT_MAX), client: (from.client ?? "").slice(0, CLIENT_MAX) },
    select: { id: true },
  });
  return row.id;
}

/**
 * Whether a session token (decoded by Auth.js) still stands at `now`: within both lifetimes, its
 * session not ended and its user's `sessionVersion` current. Runs on every `auth()`: one read by
 * primary keys, and a write at most every five minutes to keep "last active" true (ASVS 4.0.3
 * V3.3.1: a sign-out is final).
 */
export async function sessionStillValid(token: Record<string, unknown>, now: Date = new Date()): Promise<boolean> {
  const claims = readSessionClaims(token);
  if (!claims || !withinSessionLifetimes(claims, now.getTime() / 1000)) return false;
  const db = getDb();
  const [row] = await db.$queryRaw<{ sessionVersion: number; endedAt: Date | null; lastSeenAt: Date }[]>`
    SELECT u."sessionVersion", s."endedAt", s."lastSeenAt"
    FROM "User" u JOIN "UserSession" s ON s.id = ${claims.sid}::uuid AND s."userId" = u.id
    WHERE u.id = ${claims.uid}::uuid`;
  if (!row || row.endedAt !== null || row.sessionVersion !== claims.sv) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > SEEN_REFRESH_MS) {
    await db.userSession.updateMany({ where: { id: claims.sid, endedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

/** Sign-out: this session ends, and so does every copy of its cookie; the user's other devices stay signed in. */
export async function endSession(userId: string, sessionId: string): Promise<void> {
  await getDb().userSession.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: new Date() } });
}

/** End every session of the user: sign out everywhere, password change. */
export async function endAllSessions(userId: string): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
    db.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } }),
  ]);
}

/** The user's sessions that still stand, most recently active first; `current` marks the one asking. */
export async function listSessions(userId: string, currentSessionId: string | null, now: Date = new Date()): Promise<UserSessionView[]> {
  const rows = await getDb().userSession.findMany({
    where: {
      userId,
      endedAt: null,
      createdAt: { gt: new Date(now.getTime() - SESSION_LIFETIMES.maxSeconds * 1000) },
      // lastSeenAt lags by up to the refresh window, so the idle cut-off allows for it.
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_LIFETIMES.idleSeconds * 1000 - SEEN_REFRESH_MS) },
    },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    take: MAX_LISTED,
    select: { id: true, userAgent: true, client: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
}

/**
 * Sign out one of the user's other devices, after checking their password (ASVS 4.0.3 V3.3.4:
 * "having re-entered login credentials"); the check is a sign-in attempt, throttled like one.
 * This device signs out with the ordinary sign-out.
 */
export async function endOtherSession(userId: string, currentSessionId: string | null, input: unknown, opts: { client?: string } = {}): Promise<void> {
  const data = endOtherSessionSchema.parse(input);
  if (data.sessionId === currentSessionId) throw new AppError("bad_request", "This is the device you are using; sign out instead");
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError("unauthorized", "Sign in again to manage your sessions");
  const check = await attemptSignIn(user.email, data.currentPassword, opts);
  if (check.outcome === "throttled") throw new AppError("rate_limited", throttledMessage(check.retryAfterSeconds));
  if (check.outcome === "wrong" || check.user.id !== userId) {
    throw new AppError("unauthorized", "Your password is not right", { fields: { currentPassword: "That is not your password" } });
  }
  const ended = await db.userSession.updateMany({ where: { id: data.sessionId, userId, endedAt: null }, data: { endedAt: new Date() } });
  // Another user's session, or one already ended: the same answer, so ids of others tell nothing.
  if (ended.count === 0) throw new AppError("not_found", "That session has already ended");
}
