import "server-only";
import { auth } from "@/lib/auth/config";
import { requireMember, type Actor } from "@/lib/auth/membership";
import type { Capability } from "@/lib/domain/permissions";
import { authenticateApiToken, type TokenIdentity } from "@/lib/server/api-tokens";
import { AppError } from "@/lib/server/errors";

/** Who is calling: a personal API token (scoped to one workspace and role) or a browser session. */
export type ApiAuth = { kind: "token"; userId: string; token: TokenIdentity } | { kind: "session"; userId: string };

/** Which credentials a route accepts. */
export type AuthMode = "any" | "session";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Bearer token first; without an Authorization header, the next-auth browser session.
 * A malformed, unknown or revoked token is 401 and never falls back to the session.
 */
export async function authenticate(req: Request, mode: AuthMode = "any"): Promise<ApiAuth> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const plain = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (plain === undefined) throw new AppError("unauthorized", "Send the token as “Authorization: Bearer cb_…”");
    const token = await authenticateApiToken(plain);
    if (mode === "session") {
      throw new AppError("forbidden", "API tokens cannot manage API tokens; sign in and use Settings → API tokens", { auth: "session_required" });
    }
    return { kind: "token", userId: token.userId, token };
  }
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) throw new AppError("unauthorized", "Sign in, or send an API token as “Authorization: Bearer cb_…”", undefined, { key: "errors.signInOrToken" });
  refuseCrossSite(req);
  return { kind: "session", userId };
}

// Session cookies ride along on any request the browser makes, so a write with a session must
// come from this site (tokens are sent deliberately and need no such check). Browsers send
// Sec-Fetch-Site; older ones at least Origin, compared by host since a proxy may end TLS.
function refuseCrossSite(req: Request) {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  const crossSite = site !== null ? site !== "same-origin" && site !== "none" : origin !== null && hostOf(origin) !== host;
  if (crossSite)
    throw new AppError("forbidden", "Cross-site requests with a browser session are refused; use an API token", undefined, { key: "errors.crossSite" });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * The acting member for `workspaceId`, via the one membership check (`requireMember`). A token
 * also answers only for its own workspace (another is "not found") and never above its own role:
 * the Actor's capabilities are those of the lower of the membership's and the token's role.
 */
export async function apiActor(auth: ApiAuth, workspaceId: string, need: Capability): Promise<Actor> {
  if (auth.kind === "token" && auth.token.workspaceId !== workspaceId)
    throw new AppError("not_found", "Workspace not found", undefined, { key: "errors.workspaceNotFound" });
  if (auth.kind === "session") return requireMember(auth.userId, workspaceId, { need });
  return requireMember(auth.userId, workspaceId, { tokenRole: auth.token.role, need, preloaded: auth.token.membership });
}
