// Calls REST API route handlers the way Next.js does, for the API's integration tests. Each test
// file mocks next-auth's `auth()` itself (vi.mock is hoisted per file) to play the browser session.
import { expect } from "vitest";
import type { z } from "zod";

export type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
export type Call = {
  method?: string;
  params?: Record<string, string | string[]>;
  token?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
};

export const ORIGIN = "http://localhost:3000";

/** One request to `handler` at /api/v1`url`; a JSON body is sent as application/json unless `headers` say otherwise. */
export async function call(handler: Handler, url: string, { method = "GET", params = {}, token, body, rawBody, headers = {} }: Call = {}) {
  const req = new Request(`${ORIGIN}/api/v1${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined || rawBody !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: rawBody ?? (body !== undefined ? JSON.stringify(body) : undefined),
    // Node's fetch needs this for a streamed body.
    ...(rawBody instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const res = await handler(req, { params: Promise.resolve(params) as Promise<never> });
  // A live stream never ends: it answered, which is all a call checks; stop it.
  const streaming = (res.headers.get("content-type") ?? "").includes("text/event-stream");
  if (streaming) await res.body?.cancel();
  const text = streaming ? "" : await res.text();
  const isJson = (res.headers.get("content-type") ?? "").includes("json") && !(res.headers.get("content-disposition") ?? "").startsWith("attachment");
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON an endpoint answers, then check it against its schema
  return { status: res.status, headers: res.headers, text, body: (isJson && text ? JSON.parse(text) : null) as any };
}

/** Asserts the body matches the documented zod schema (what the OpenAPI document says). */
export function documented<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  expect(r.success, r.success ? "" : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
  return r.data as z.output<S>;
}
