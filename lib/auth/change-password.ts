import "server-only";
import { clientAddress } from "@/lib/auth/client-address";
import { rethrowUnlessRefused, signIn } from "@/lib/auth/config";
import { issueReauthTicket } from "@/lib/auth/reauth";
import { changePassword } from "@/lib/server/users";

/**
 * Change the password (current one required) and end every session; the browser that asked gets
 * a new session through a one-time ticket (lib/auth/reauth.ts), not a second throttled password
 * sign-in, and its cookie is replaced in the same response. `signedIn: false` only when that was
 * refused (another change or "sign out everywhere" came first): then sign in anew.
 *
 * Called from a route handler, never a server action: after an action sets a cookie, Next.js
 * renders the page again in the same response, and Auth.js reads the session there from the
 * request's headers, which still carry the old cookie of the session that just ended, so that
 * render redirected the browser to sign in although it held a good new session.
 */
export async function changePasswordAndSignIn(userId: string, input: unknown, headers: Headers): Promise<{ signedIn: boolean }> {
  const { sessionVersion } = await changePassword(userId, input, { client: clientAddress(headers) });
  try {
    await signIn("reauth", { ticket: issueReauthTicket(userId, sessionVersion), redirect: false });
    return { signedIn: true };
  } catch (err) {
    rethrowUnlessRefused(err);
    return { signedIn: false };
  }
}
