import { env } from "@/lib/env";

/** How long a session lasts, in seconds: without activity, and at most after signing in. */
export type SessionLifetimes = { idleSeconds: number; maxSeconds: number };

export const SESSION_LIFETIMES: SessionLifetimes = {
  idleSeconds: env.SESSION_IDLE_MINUTES * 60,
  maxSeconds: Math.round(env.SESSION_MAX_DAYS * 24 * 3600),
};

/**
 * What the session token carries for revocation and lifetimes: the user, their `sessionVersion`, the
 * session row (`sid`),
 * when they signed in, when that was, and when this token was (re-)issued (`iat`, set by Auth.js
 * on every issue), all times in seconds since the epoch.
 */
export type SessionClaims = { uid: string; sv: number; sid: string; authAt: number; iat: number | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claims of a decoded token, or null when any is missing (tokens issued before versions or session rows existed). */
export function readSessionClaims(token: Record<string, unknown>): SessionClaims | null {
  const { uid, sv, sid, authAt, iat } = token;
  if (typeof uid !== "string" || !UUID.test(uid)) return null;
  if (typeof sid !== "string" || !UUID.test(sid)) return null;
  if (typeof sv !== "number" || !Number.isInteger(sv)) return null;
  if (typeof authAt !== "number" || !Number.isFinite(authAt)) return null;
  return { uid, sv, sid, authAt, iat: typeof iat === "number" ? iat : null };
}

/**
 * Whether a session is inside both lifetimes at `nowSeconds`: idle (since the token was last
 * issued; the browser re-issues it while the user is active) and absolute (since signing in,
 * whatever the activity). ASVS 4.0.3 V3.3.2.
 */
export function withinSessionLifetimes(claims: SessionClaims, nowSeconds: number, lifetimes: SessionLifetimes = SESSION_LIFETIMES): boolean {
  if (nowSeconds - claims.authAt > lifetimes.maxSeconds) return false;
  return claims.iat === null || nowSeconds - claims.iat <= lifetimes.idleSeconds;
}
