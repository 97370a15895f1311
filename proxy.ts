import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY, servedOverHttps } from "@/lib/security-headers";

// Every page, API answer and server action gets a fresh nonce. Next.js reads it from the CSP
// *request* header set here and puts it on its own inline and chunk scripts, so pages must
// render per request (app/layout.tsx waits for the connection). The fixed headers come from
// next.config.ts, which also covers the static files this proxy skips. Not a security
// boundary for data (HOUSE-STYLE): it never redirects, and refuses only a server-action body the
// framework would answer with a 500 (too large: it stops before our code runs).
export function proxy(request: NextRequest) {
  const tooLarge = oversizedAction(request);
  if (tooLarge) return tooLarge;
  const https = servedOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const policy = contentSecurityPolicy({ nonce: createNonce(), dev: env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/** Mirrors next.config.ts `serverActions.bodySizeLimit` (12 MB). */
export const ACTION_BODY_LIMIT = 12 * 1024 * 1024;

/** A server-action POST announcing more than the limit: a 413 saying so, instead of the framework's 500. */
function oversizedAction(request: NextRequest): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length <= ACTION_BODY_LIMIT) return null;
  const message = `The request is too large (${(length / 1048576).toFixed(1)} MB); the limit is 12 MB. Split the text or import it as a file.`;
  return NextResponse.json({ error: { code: "too_large", message, details: { limit: ACTION_BODY_LIMIT } } }, { status: 413 });
}

export const config = {
  // Build output is served as is and needs no nonce (next.config.ts gives it a fixed policy).
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
