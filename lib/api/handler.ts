import "server-only";
import { unstable_rethrow } from "next/navigation";
import { authenticate, type ApiAuth } from "@/lib/api/auth";
import { assertStorableQuery, HTTP_METHODS, HttpError, json, type HttpMethod } from "@/lib/api/http";
import { DEFAULT_LOCALE, type Locale, negotiateLocale } from "@/lib/i18n/locales";
import { translateRef } from "@/lib/i18n/translate";
import { toErrorBody } from "@/lib/server/errors";

/** The one error shape of the API. */
export type ApiErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

/** Next.js's second route-handler argument. */
export type RouteContext<P> = { params: Promise<P> };
export type RouteHandler<P> = (req: Request, ctx: RouteContext<P>) => Promise<Response>;

/** The language of an API answer's messages: the request's Accept-Language, else English. */
export const answerLocale = (req: Request): Locale => negotiateLocale(req.headers.get("accept-language")) ?? DEFAULT_LOCALE;

/**
 * Any error → `{ error: { code, message, details } }` with its status, via `toErrorBody`; the
 * message in `locale` where the catalogue has it, the code always the same.
 */
export function errorResponse(err: unknown, locale: Locale = DEFAULT_LOCALE): Response {
  if (err instanceof HttpError) {
    const body: ApiErrorBody = { error: { code: err.code, message: err.message, details: err.details } };
    return json(body, err.status, err.headers);
  }
  const { status, error, headers } = toErrorBody(err, locale);
  const body: ApiErrorBody = { error: { code: error.code, message: error.message, details: error.details ?? {} } };
  // Retry-After on a 503 (database unreachable) comes from the mapper.
  return json(body, status, { ...headers, ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {}) });
}

// A result that is already a Response (a stream, a 201) passes through untouched.
const respond = (result: unknown) => (result instanceof Response ? result : json(result ?? null));

function fail(err: unknown, req: Request): Response {
  // Next.js signals (redirects, dynamic-rendering bail-outs) must keep propagating.
  unstable_rethrow(err);
  return errorResponse(err, answerLocale(req));
}

/**
 * Wrap an API route handler: authenticate (Bearer token, else the browser session; with
 * `{ auth: "session" }` tokens are refused), refuse a query string holding text that cannot be
 * stored (422 naming the parameter), run `fn`, send its result as JSON, and turn anything thrown
 * into the API's error shape with the right status. JSON bodies get the same check in `readJson`.
 */
export function apiHandler<P = Record<string, never>>(
  fn: (ctx: { req: Request; params: P; auth: ApiAuth }) => Promise<unknown>,
  opts: { auth?: "any" | "session" } = {},
): RouteHandler<P> {
  return async (req, ctx) => {
    try {
      const auth = await authenticate(req, opts.auth ?? "any");
      assertStorableQuery(req);
      return respond(await fn({ req, params: await ctx.params, auth }));
    } catch (err) {
      return fail(err, req);
    }
  };
}

/** The same without authentication, for public documents such as the OpenAPI description. */
export function publicApiHandler<P = Record<string, never>>(fn: (ctx: { req: Request; params: P }) => Promise<unknown>): RouteHandler<P> {
  return async (req, ctx) => {
    try {
      assertStorableQuery(req);
      return respond(await fn({ req, params: await ctx.params }));
    } catch (err) {
      return fail(err, req);
    }
  };
}

/** 405 in the error shape, with the path's real methods in `Allow`. */
export function methodNotAllowed(method: string, allowed: readonly HttpMethod[], locale: Locale = DEFAULT_LOCALE): Response {
  const allow = allowed.join(", ");
  const message =
    (locale !== DEFAULT_LOCALE && translateRef(locale, { key: "errors.methodNotAllowed", values: { method, allowed: allow } })) ||
    `${method} is not allowed here; this path answers ${allow}`;
  return errorResponse(new HttpError(405, "method_not_allowed", message, { method, allowed }, { Allow: allow }));
}

type PlainHandler = (req: Request) => Promise<Response>;
type AllMethods<H> = { [M in HttpMethod]: M extends keyof H ? H[M] : PlainHandler } & { OPTIONS: PlainHandler };

/**
 * A route file's handlers, completed with a 405 (error shape, `Allow` header) for every method it
 * does not have, so Next.js's bare default never answers under /api/v1, and an OPTIONS that lists
 * only the real ones (Next.js's own would list every export). Use as
 * `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: …, POST: … });`.
 */
export function methods<H extends Partial<Record<HttpMethod, RouteHandler<never>>>>(handlers: H): AllMethods<H> {
  const allowed = HTTP_METHODS.filter((m) => handlers[m] !== undefined);
  const refuse: PlainHandler = async (req) => methodNotAllowed(req.method.toUpperCase(), allowed, answerLocale(req));
  const options: PlainHandler = async () => new Response(null, { status: 204, headers: { Allow: allowed.join(", ") } });
  return { ...Object.fromEntries(HTTP_METHODS.map((m) => [m, handlers[m] ?? refuse])), OPTIONS: options } as AllMethods<H>;
}
