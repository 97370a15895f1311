import "server-only";
import { unstable_rethrow } from "next/navigation";
import { authenticate, type ApiAuth } from "@/lib/api/auth";
import { json } from "@/lib/api/http";
import { toErrorBody } from "@/lib/server/errors";

/** The one error shape of the API. */
export type ApiErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

/** Next.js's second route-handler argument. */
export type RouteContext<P> = { params: Promise<P> };
export type RouteHandler<P> = (req: Request, ctx: RouteContext<P>) => Promise<Response>;

/** Any error → `{ error: { code, message, details } }` with its status, via `toErrorBody`. */
export function errorResponse(err: unknown): Response {
  const { status, error } = toErrorBody(err);
  const body: ApiErrorBody = { error: { code: error.code, message: error.message, details: error.details ?? {} } };
  return json(body, status, status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {});
}

// A result that is already a Response (a stream, a 201) passes through untouched.
const respond = (result: unknown) => (result instanceof Response ? result : json(result ?? null));

function fail(err: unknown): Response {
  // Next.js signals (redirects, dynamic-rendering bail-outs) must keep propagating.
  unstable_rethrow(err);
  return errorResponse(err);
}

/**
 * Wrap an API route handler: authenticate (Bearer token, else the browser session; with
 * `{ auth: "session" }` tokens are refused), run `fn`, send its result as JSON, and turn anything
 * thrown into the API's error shape with the right status.
 */
export function apiHandler<P = Record<string, never>>(
  fn: (ctx: { req: Request; params: P; auth: ApiAuth }) => Promise<unknown>,
  opts: { auth?: "any" | "session" } = {},
): RouteHandler<P> {
  return async (req, ctx) => {
    try {
      const auth = await authenticate(req, opts.auth ?? "any");
      return respond(await fn({ req, params: await ctx.params, auth }));
    } catch (err) {
      return fail(err);
    }
  };
}

/** The same without authentication, for public documents such as the OpenAPI description. */
export function publicApiHandler<P = Record<string, never>>(fn: (ctx: { req: Request; params: P }) => Promise<unknown>): RouteHandler<P> {
  return async (req, ctx) => {
    try {
      return respond(await fn({ req, params: await ctx.params }));
    } catch (err) {
      return fail(err);
    }
  };
}
