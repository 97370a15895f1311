// The real Auth.js engine (@auth/core) running this app's configuration (lib/auth/config.ts)
// end to end over HTTP requests: CSRF, the credentials callback, the session endpoint and
// sign-out. `next-auth` itself needs the Next.js runtime, so its NextAuth() is replaced by one
// that hands the configuration over; everything else is the code the app runs.
import { Auth, type AuthConfig } from "@auth/core";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { SIGN_IN_LIMIT } from "@/lib/server/users";
import { newUser } from "@/lib/test/helpers";

const captured = vi.hoisted(() => ({ config: null as unknown }));
vi.mock("next-auth", async () => {
  const errors = await import("@auth/core/errors");
  return {
    default: (config: unknown) => {
      captured.config = config;
      return { handlers: {}, auth: async () => null, signIn: async () => undefined, signOut: async () => undefined };
    },
    AuthError: errors.AuthError,
    CredentialsSignin: errors.CredentialsSignin,
  };
});
await import("@/lib/auth/config");
const config = { ...(captured.config as AuthConfig), secret: "integration-test-secret-0123456789", basePath: "/api/auth" };

const BASE = "http://localhost:3000/api/auth";
const jar = (res: Response, prior = "") => {
  const set = res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
  const names = new Set(set.map((c) => c.split("=")[0]));
  return [...prior.split("; ").filter((c) => c && !names.has(c.split("=")[0])), ...set.filter((c) => !c.endsWith("="))].join("; ");
};

async function csrf(cookie = ""): Promise<{ token: string; cookie: string }> {
  const res = await Auth(new Request(`${BASE}/csrf`, { headers: { cookie } }), config);
  return { token: ((await res.json()) as { csrfToken: string }).csrfToken, cookie: jar(res, cookie) };
}

async function post(path: string, form: Record<string, string>, cookie: string, client: string) {
  const body = new URLSearchParams(form);
  const headers = { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": client };
  return Auth(new Request(`${BASE}/${path}`, { method: "POST", headers, body }), config);
}

/** Sign in through the credentials callback; the browser's cookies afterwards and where it was sent. */
async function signIn(email: string, password: string, client: string) {
  const { token, cookie } = await csrf();
  const res = await post("callback/credentials", { csrfToken: token, email, password, callbackUrl: "/" }, cookie, client);
  return { cookie: jar(res, cookie), location: res.headers.get("location") ?? "" };
}

async function session(cookie: string): Promise<{ user?: { id?: string } } | null> {
  const res = await Auth(new Request(`${BASE}/session`, { headers: { cookie } }), config);
  return (await res.json()) as { user?: { id?: string } } | null;
}

describe("sign-in, sessions and sign-out through Auth.js, on a real PostgreSQL", () => {
  it("signs in, and a copied cookie stops working once the user signs out", async () => {
    const who = await newUser("Flow");
    const { cookie } = await signIn(who.email, "correct horse", "203.0.113.10");
    expect((await session(cookie))?.user?.id).toBe(who.user.id);
    const copied = cookie;

    const { token, cookie: withCsrf } = await csrf(cookie);
    await post("signout", { csrfToken: token, callbackUrl: "/login" }, withCsrf, "203.0.113.10");
    expect(await session(copied)).toBeNull();
    // This sign-in's row ended; it kept the client address it signed in from.
    const rows = await getDb().userSession.findMany({ where: { userId: who.user.id }, select: { endedAt: true, client: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.endedAt).not.toBeNull();
    expect(rows[0]!.client).toBe("203.0.113.10");
  });

  it("counts attempts per proxy-reported client and refuses past the limit with its own code", async () => {
    const who = await newUser("Flow throttle");
    const client = "203.0.113.11";
    for (let i = 0; i < SIGN_IN_LIMIT.failures; i++) {
      expect((await signIn(who.email, "wrong password", client)).location).toContain("code=credentials");
    }
    const refused = await signIn(who.email, "correct horse", client);
    expect(refused.location).toContain("code=rate_limited");
    expect(await session(refused.cookie)).toBeNull();
    expect(await getDb().signInThrottle.findUnique({ where: { key: `account:${who.email}|client:${client}` } })).toMatchObject({
      failures: SIGN_IN_LIMIT.failures,
    });
    // Another client of the same account is not held up.
    const other = await signIn(who.email, "correct horse", "203.0.113.12");
    expect((await session(other.cookie))?.user?.id).toBe(who.user.id);
  });
});
