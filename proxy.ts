import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY, servedOverHttps } from "@/lib/security-headers";

// Every page, API answer and server action gets a fresh nonce. Next.js reads it from the CSP
// *request* header set here and puts it on its own inline and chunk scripts, so pages must
// render per request (app/layout.tsx waits for the connection). The fixed headers come from
// next.config.ts, which also covers the static files this proxy skips. Not a security
// boundary for data (HOUSE-STYLE): it never redirects or refuses.
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const policy = contentSecurityPolicy({ nonce: createNonce(), dev: env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Build output is served as is and needs no nonce (next.config.ts gives it a fixed policy).
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
