import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY, servedOverHttps } from "@/lib/security-headers";

// Every page and server action gets a fresh nonce. Next.js reads it from the CSP
// *request* header set here and puts it on its own inline and chunk scripts, so pages must
// render per request (app/layout.tsx waits for the connection). The fixed headers come from
// next.config.ts, which also covers the static files this proxy skips. Not a security
// boundary for data (HOUSE-STYLE): it never redirects, and refuses only a server-action body the
// framework would answer with a 500 (too large, or not decodable: it fails before our code runs).
export async function proxy(request: NextRequest) {
  const refused = oversizedAction(request) ?? (await malformedAction(request));
  if (refused) return refused;
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

/**
 * How much of a body Next.js buffers for the proxy to read (`experimental.proxyClientMaxBodySize`,
 * default 10 MB). A larger body reaches the proxy cut short, so it is not judged here.
 */
export const PROXY_READABLE_BODY = 10 * 1024 * 1024;

const badAction = (message: string) =>
  NextResponse.json({ error: { code: "bad_request", message: `This request could not be read: ${message}. Reload the page and try again.` } }, { status: 400 });

/**
 * A server-action POST whose body the framework cannot decode: a 400 instead of its 500. The body
 * is what React's `encodeReply` sends: a JSON array of the arguments as text, or multipart form
 * data whose field "0" is that array (the other fields are the FormData and files it refers to).
 * Only the envelope is checked; the arguments themselves are the action's zod schema's business.
 */
async function malformedAction(request: NextRequest): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? "NaN");
  if (!Number.isFinite(length) || length > PROXY_READABLE_BODY) return null;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  // A form posted without JavaScript: the framework finds the action in the fields itself.
  if (type.startsWith("application/x-www-form-urlencoded")) return null;
  let args: string;
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return badAction("the form data is malformed or cut short");
    }
    const first = form.get("0");
    if (typeof first !== "string") return badAction("the form data has no arguments");
    args = first;
  } else {
    args = await request.clone().text();
  }
  try {
    if (Array.isArray(JSON.parse(args))) return null;
  } catch {
    return badAction("the arguments are not valid JSON");
  }
  return badAction("the arguments are not a list");
}

export const config = {
  // Build output is served as is and needs no nonce, and neither do the REST API's answers (JSON,
  // CSV, event streams: never a document that runs script); next.config.ts gives both a fixed
  // policy. Skipping the proxy there saves every API request a pass through it (about a fifth of
  // a claim create's time in the bench). Next-auth's routes keep it: they can answer with HTML.
  matcher: ["/((?!_next/static/|_next/image|api/v1/|api/health$).*)"],
};
