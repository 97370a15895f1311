import "server-only";
import { getDb } from "@/lib/db/client";
import { assertUncommonPassword, hashPassword, passwordMatches } from "@/lib/auth/passwords";
import { AppError } from "@/lib/server/errors";
import { pruneThrottle, reserveAttempt, settleSuccess, type ThrottleRule } from "@/lib/server/sign-in-throttle";
import { changePasswordSchema, signUpSchema } from "@/lib/validation/schemas";
import { createWorkspace } from "@/lib/server/workspaces";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { translateRef } from "@/lib/i18n/translate";

export const userPublicSelect = { id: true, email: true, name: true } as const;

type PublicUser = { id: string; email: string; name: string };
export type Registration = { created: true; user: PublicUser; workspace: Awaited<ReturnType<typeof createWorkspace>> } | { created: false };

/**
 * The sign-up form's service: create the account and its first workspace (the creator owns it),
 * or, when the email already has an account, change nothing and say only `created: false`. The
 * password is hashed either way, so both cost the same bcrypt work, and the form shows a neutral
 * message for the second case (README "Security" says what still tells them apart).
 */
export async function register(input: unknown, opts: { locale?: Locale } = {}): Promise<Registration> {
  const data = signUpSchema.parse(input);
  // Before the email is looked at: the same answer whether or not it has an account.
  assertUncommonPassword(data.password, "password");
  const db = getDb();
  const passwordHash = await hashPassword(data.password);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) return { created: false };
  let user: PublicUser;
  try {
    user = await db.user.create({ data: { email: data.email, name: data.name, passwordHash }, select: userPublicSelect });
  } catch (err) {
    // Someone registered the same email a moment ago: the same answer as above, not a 409.
    if ((err as { code?: string })?.code === "P2002") return { created: false };
    throw err;
  }
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const name = translateRef(locale, { key: "workspaceDefaults.deskOf", values: { name: data.name } }) ?? `${data.name}'s desk`;
  const workspace = await createWorkspace(user.id, { name: name.slice(0, 100) }, { locale });
  return { created: true, user, workspace };
}

/** Create an account and its first workspace; refuses a taken email. For tests and scripts: the form uses `register`. */
export async function signUp(input: unknown) {
  const result = await register(input);
  if (!result.created) throw new AppError("conflict", "An account with this email already exists", { fields: { email: "Already registered" } });
  return { user: result.user, workspace: result.workspace };
}

/** Evaluated freely per account from one client address before delays start; counts are forgotten after `windowMinutes` without attempts. */
export const SIGN_IN_LIMIT = { failures: 10, windowMinutes: 15 } as const;

/**
 * The counters one sign-in attempt must pass (ASVS 4.0.3 V2.2.1). Per account and client: the
 * tight one, and the only one a success clears. Per account from all clients: holds even when the
 * client address is forged, and with the delays capped at a minute keeps an account under 100
 * evaluated failures an hour (about 95 in the first, 60 in each after). Per client across accounts,
 * and for the whole site (a fixed minute), against spraying one password over many accounts.
 */
export function signInRules(email: string, client: string): [perClient: ThrottleRule, ...others: ThrottleRule[]] {
  const account = `account:${email}`;
  return [
    { key: `${account}|client:${client}`, failures: SIGN_IN_LIMIT.failures, windowMs: SIGN_IN_LIMIT.windowMinutes * 60_000, window: "quiet" },
    { key: account, failures: 30, windowMs: 15 * 60_000, window: "quiet" },
    { key: `client:${client}`, failures: 50, windowMs: 15 * 60_000, window: "quiet" },
    { key: "global", failures: 300, windowMs: 60_000, window: "fixed" },
  ];
}

export type SignInUser = { id: string; email: string; name: string; sessionVersion: number };

/** How an attempt ended: "wrong" and "ok" were evaluated (one bcrypt comparison each); "throttled" was refused before. */
export type SignInOutcome = { outcome: "ok"; user: SignInUser } | { outcome: "wrong" } | { outcome: "throttled"; retryAfterSeconds: number };

/**
 * One sign-in attempt from `client` (see `clientAddress`). The attempt is counted on every
 * throttle counter before the password is compared, and refused uncompared when any counter is
 * in its delay, even if the password is right. A wrong password and an unknown email cost the
 * same work and answer the same.
 */
export async function attemptSignIn(email: string, password: string, opts: { client?: string; now?: Date } = {}): Promise<SignInOutcome> {
  const account = email.trim().toLowerCase();
  const nowMs = (opts.now ?? new Date()).getTime();
  const rules = signInRules(account, opts.client ?? "unknown");
  const reservation = await reserveAttempt(rules, nowMs);
  if (!reservation.allowed) return { outcome: "throttled", retryAfterSeconds: Math.max(1, Math.ceil(reservation.retryAfterMs / 1000)) };
  const user = await getDb().user.findUnique({ where: { email: account }, select: { ...userPublicSelect, sessionVersion: true, passwordHash: true } });
  const matches = await passwordMatches(password, user?.passwordHash ?? null);
  if (!user || !matches) {
    await pruneThrottle(nowMs);
    return { outcome: "wrong" };
  }
  const [perClient, ...others] = rules;
  await settleSuccess(perClient, others);
  return { outcome: "ok", user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/**
 * Change the password after checking the current one (ASVS 4.0.3 V2.1.5, V2.1.6): the check is a
 * sign-in attempt, throttled like one, and the change ends every session (V3.3.3); the caller
 * signs the current browser in again. The change is recorded (V2.2.3) as a `user.password_change`
 * audit event in each of the user's workspaces, in the same transaction, and the form says so; the
 * user's inbox in each workspace gets a security notice with the client address (V2.2.3).
 * Returns when it changed and the account's new session version (what a re-sign-in must carry).
 */
export async function changePassword(
  userId: string,
  input: unknown,
  opts: { client?: string; now?: Date } = {},
): Promise<{ changedAt: Date; sessionVersion: number }> {
  const data = changePasswordSchema.parse(input);
  // A refused new password is not a sign-in attempt: checked before the current one is.
  assertUncommonPassword(data.newPassword, "newPassword");
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError("unauthorized", "Sign in again to change your password");
  const check = await attemptSignIn(user.email, data.currentPassword, opts);
  if (check.outcome === "throttled") throw new AppError("rate_limited", throttledMessage(check.retryAfterSeconds));
  if (check.outcome === "wrong" || check.user.id !== userId) {
    throw new AppError("unauthorized", "Your current password is not right", { fields: { currentPassword: "That is not your current password" } });
  }
  const passwordHash = await hashPassword(data.newPassword);
  const changedAt = opts.now ?? new Date();
  const sessionVersion = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: changedAt } });
    const memberships = await tx.membership.findMany({ where: { userId }, select: { workspaceId: true } });
    await tx.auditEvent.createMany({
      data: memberships.map((m) => ({
        workspaceId: m.workspaceId,
        actorId: userId,
        action: "user.password_change",
        entityType: "User",
        entityId: userId,
        after: { sessionsEnded: true },
        at: changedAt,
      })),
    });
    // A notice in every inbox of the account, so a change the user did not make is seen there too.
    await tx.notification.createMany({
      data: memberships.map((m) => ({
        workspaceId: m.workspaceId,
        userId,
        kind: "security",
        actorId: userId,
        targetType: "user",
        targetId: userId,
        data: { status: "PASSWORD_CHANGED", label: opts.client ?? null },
        createdAt: changedAt,
      })),
    });
    return updated.sessionVersion;
  });
  return { changedAt, sessionVersion };
}

/** The account a re-sign-in ticket names, if its session version is still `sessionVersion` (no change or sign-out since). */
export async function userAtSessionVersion(userId: string, sessionVersion: number): Promise<SignInUser | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { ...userPublicSelect, sessionVersion: true } });
  return user && user.sessionVersion === sessionVersion ? user : null;
}

/** What a refused attempt tells the user: only when to try again, the same for every email. */
export function throttledMessage(retryAfterSeconds: number): string {
  return `Too many failed sign-ins. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
}

/** The account's interface language, or null when it follows the browser. */
export async function userLocale(userId: string): Promise<Locale | null> {
  const row = await getDb().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return isLocale(row?.locale) ? row.locale : null;
}

/** Set (or, with null, clear) the account's interface language. */
export async function setUserLocale(userId: string, locale: Locale | null): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}
