import "server-only";
import { endSession, sessionStillValid } from "@/lib/server/user-sessions";

type Token = Record<string, unknown>;

/**
 * The Auth.js `jwt` callback. At sign-in (`user` given) it stamps the token with the user, their
 * `sessionVersion`, its session row (`sid`) and the sign-in time; on every later read (each `auth()` and each
 * `/api/auth/session` call) it answers null, which Auth.js treats as signed out, unless
 * `sessionStillValid` holds.
 */
export async function sessionTokenCallback<T extends Token>(
  { token, user }: { token: T; user?: { id?: string; sessionVersion?: number; sessionId?: string } | null },
  now: Date = new Date(),
): Promise<T | null> {
  if (user?.id) return { ...token, uid: user.id, sv: user.sessionVersion, sid: user.sessionId, authAt: Math.floor(now.getTime() / 1000) };
  return (await sessionStillValid(token, now)) ? token : null;
}

/** The Auth.js `signOut` event: this session ends (every copy of its cookie with it); other devices stay signed in. */
export async function onSignOut(message: { token?: Token | null } | { session?: unknown }): Promise<void> {
  const token = "token" in message ? message.token : null;
  if (typeof token?.uid === "string" && typeof token.sid === "string") await endSession(token.uid, token.sid);
}
