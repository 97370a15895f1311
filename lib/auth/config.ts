import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/auth/client-address";
import { authorizeReauth } from "@/lib/auth/reauth";
import { SESSION_LIFETIMES } from "@/lib/auth/session-lifetime";
import { onSignOut, sessionTokenCallback } from "@/lib/auth/session-token";
import { signInSchema } from "@/lib/validation/schemas";
import { attemptSignIn } from "@/lib/server/users";
import { startSession } from "@/lib/server/user-sessions";

declare module "next-auth" {
  interface Session {
    /** The UserSession row of this sign-in (the settings list marks it "this device"). */
    sessionId?: string;
  }
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
}

/** A sign-in refused by the throttle before the password was compared; the action shows when to retry. */
export class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // maxAge is the idle lifetime: the token expires that long after it was last issued, and the
  // browser has it re-issued (GET /api/auth/session, components/auth/session-keep-alive.tsx)
  // while the user is active. `updateAge` is not set: Auth.js uses it for database sessions only.
  session: { strategy: "jwt", maxAge: SESSION_LIFETIMES.idleSeconds },
  pages: { signIn: "/login" },
  trustHost: true,
  logger: {
    // A wrong password is an expected outcome shown to the user, not a server error.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const client = clientAddress(request.headers);
        const result = await attemptSignIn(parsed.data.email, parsed.data.password, { client });
        if (result.outcome === "throttled") throw new SignInThrottled(result.retryAfterSeconds);
        if (result.outcome === "wrong") return null;
        const { id, email, name, sessionVersion } = result.user;
        const sessionId = await startSession(id, { userAgent: request.headers.get("user-agent"), client });
        return { id, email, name, sessionVersion, sessionId };
      },
    }),
    // The browser that just changed its password, signed in again by a one-time ticket (lib/auth/reauth.ts).
    Credentials({
      id: "reauth",
      credentials: { ticket: {} },
      authorize: (raw, request) => authorizeReauth(raw?.ticket, request.headers),
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => sessionTokenCallback({ token, user }),
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: { signOut: onSignOut },
});

/**
 * Let through only a refused sign-in (wrong or throttled). Anything that failed inside `authorize`
 * (the database, say) reaches here wrapped in a CallbackRouteError: rethrow it as itself, so the
 * user sees an outage as one and not as a wrong password.
 */
export function rethrowUnlessRefused(err: unknown): void {
  if (!(err instanceof AuthError)) throw err;
  if (err.type === "CallbackRouteError") throw err.cause?.err ?? err;
}
