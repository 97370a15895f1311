"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { rethrowUnlessRefused, signIn, SignInThrottled, signOut } from "@/lib/auth/config";
import { currentSessionId, currentUserId } from "@/lib/auth/session";
import { requestLocaleOrDefault } from "@/lib/i18n/request-locale";
import { runAction, type ActionResult } from "@/lib/server/action";
import { AppError } from "@/lib/server/errors";
import { endAllSessions, endOtherSession } from "@/lib/server/user-sessions";
import { register, throttledMessage } from "@/lib/server/users";
import { signInSchema, signUpSchema } from "@/lib/validation/schemas";

/** Sign in with the credentials provider; the throttle (in `authorize`) decides before any password is compared. */
export async function signInAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    const data = signInSchema.parse(input);
    try {
      await signIn("credentials", { ...data, redirect: false });
    } catch (err) {
      if (err instanceof SignInThrottled) throw new AppError("rate_limited", throttledMessage(err.retryAfterSeconds));
      rethrowUnlessRefused(err);
      throw new AppError("unauthorized", "That email and password do not match an account", undefined, { key: "errors.wrongCredentials" });
    }
    return null;
  });
}

/** A new account lands in its workspace; otherwise (email taken, or sign-in refused) the same neutral notice. */
export type SignUpResult = { slug: string; notice: null } | { slug: null; notice: string };

const SIGN_UP_NOTICE = "Sign in to continue. If this email already had an account, nothing about it changed: use its password.";

export async function signUpAction(input: unknown): Promise<ActionResult<SignUpResult>> {
  return runAction(async (): Promise<SignUpResult> => {
    const result = await register(input, { locale: await requestLocaleOrDefault() });
    if (result.created) {
      const { email, password } = signUpSchema.parse(input);
      try {
        await signIn("credentials", { email, password, redirect: false });
        return { slug: result.workspace.slug, notice: null };
      } catch (err) {
        rethrowUnlessRefused(err);
      }
    }
    return { slug: null, notice: SIGN_UP_NOTICE };
  });
}

/** Sign out one of the user's other devices, after their password (ASVS 4.0.3 V3.3.4). */
export async function endOtherSessionAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await endOtherSession(await requireUserId(), await currentSessionId(), input, { client: clientAddress(await headers()) });
    return null;
  });
}

/** End every session of the signed-in user, this one included (ASVS 4.0.3 V3.3.4). */
export async function signOutEverywhereAction(): Promise<ActionResult<null>> {
  return runAction(async () => {
    // Explicitly first: the signOut event's own bump is logged, not reported, if it fails.
    await endAllSessions(await requireUserId());
    await signOut({ redirect: false });
    return null;
  });
}

async function requireUserId(): Promise<string> {
  const userId = await currentUserId();
  if (!userId) throw new AppError("unauthorized", "Your session has ended; sign in again", undefined, { key: "errors.sessionEnded" });
  return userId;
}
