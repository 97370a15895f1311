import "server-only";
import { endAllSessions, sessionStillValid } from "@/lib/server/users";

type Token = Record<string, unknown>;

/**
 * The Auth.js `jwt` callback. At sign-in (`user` given) it stamps the token with the user, their
 * `sessionVersion` and the sign-in time; on every later read (each `auth()` and each
 * `/api/auth/session` call) it answers null, which Auth.js treats as signed out, unless
 * `sessionStillValid` holds.
 */
export async function sessionTokenCallback<T extends Token>(
  { token, user }: { token: T; user?: { id?: string; sessionVersion?: number } | null },
  now: Date = new Date(),
): Promise<T | null> {
  if (user?.id) return { ...token, uid: user.id, sv: user.sessionVersion, authAt: Math.floor(now.getTime() / 1000) };
  return (await sessionStillValid(token, now)) ? token : null;
}

/** The Auth.js `signOut` event: ending this session ends all of the user's, as they share one version. */
export async function onSignOut(message: { token?: Token | null } | { session?: unknown }): Promise<void> {
  const token = "token" in message ? message.token : null;
  // Only a session that still stands may end the others: a stale copied cookie may not sign its owner out.
  if (typeof token?.uid === "string" && (await sessionStillValid(token))) await endAllSessions(token.uid);
}
