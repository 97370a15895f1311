import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/membership";
import { endpoints, type EndpointDef } from "@/lib/api/endpoints";
import { errorResponse } from "@/lib/api/handler";
import { json, type RawBody } from "@/lib/api/http";
import { AppError } from "@/lib/server/errors";
import { IdempotencyKeyInFlight, requestFingerprint, withIdempotency } from "@/lib/server/idempotency";
import { idempotencyKeySchema } from "@/lib/validation/idempotency";

/** The request header naming a create the client may send again. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** The response header marking an answer given again for a repeated key. */
export const REPLAYED_HEADER = "Idempotent-Replayed";

// Their answer holds a secret shown once (an invitation link's or an API token's): storing it for
// replays would keep it readable in the database, so these creates ignore the header.
const SECRET_ANSWERS: ReadonlySet<EndpointDef> = new Set<EndpointDef>([endpoints.createInvitation, endpoints.createToken]);

/** Whether an operation takes an Idempotency-Key: every POST that creates (201), except those answering a secret. */
export function takesIdempotencyKey(d: EndpointDef): boolean {
  return d.method === "POST" && d.status === 201 && !SECRET_ANSWERS.has(d);
}

/**
 * `answer` (a route's result, or its Response) once per Idempotency-Key of the member: a repeat of
 * the same request (method, path with query, body) gets the first 2xx answer again with
 * `Idempotent-Replayed: true`; one still running is a 409 with Retry-After. Without the header,
 * simply `answer`.
 */
export async function idempotent(req: Request, actor: Actor, sent: { body: unknown; file?: RawBody }, answer: () => Promise<unknown>): Promise<unknown> {
  const header = req.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (header === null) return answer();
  const key = idempotencyKeySchema.safeParse(header);
  if (!key.success) {
    const message = key.error.issues[0]?.message ?? "Invalid idempotency key";
    throw new AppError("validation", `${IDEMPOTENCY_KEY_HEADER}: ${message}`, { fields: { [IDEMPOTENCY_KEY_HEADER]: message } });
  }
  const url = new URL(req.url);
  const fingerprint = requestFingerprint({
    method: req.method,
    path: `${url.pathname}${url.search}`,
    body: sent.file ? { mediaType: sent.file.mediaType, sha256: createHash("sha256").update(sent.file.bytes).digest("hex") } : sent.body,
  });
  let first: Response | undefined;
  try {
    const result = await withIdempotency(actor, { key: key.data, fingerprint }, async () => {
      const out = await answer();
      first = out instanceof Response ? out : json(out ?? null);
      // The body's text, not its JSON: jsonb would reorder the keys, and a replay is the first answer byte for byte.
      return { status: first.status, body: await first.clone().text() };
    });
    if (!result.replayed && first) return first;
    // Every route() operation answers JSON.
    return new Response(String(result.body), {
      status: result.status,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store", [REPLAYED_HEADER]: "true" },
    });
  } catch (err) {
    if (!(err instanceof IdempotencyKeyInFlight)) throw err;
    const res = errorResponse(err);
    res.headers.set("Retry-After", String(err.retryAfterSeconds));
    return res;
  }
}
