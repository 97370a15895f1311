import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/schemas";
import { assertStorableText, printable, textProblem, textProblemError } from "@/lib/validation/text-guard";

/** The methods an API path may have; HEAD and OPTIONS are answered by Next.js itself. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The largest request body the API reads, in bytes (the same 5 MB as an uploaded file). */
export const MAX_BODY_BYTES = MAX_UPLOAD_BYTES;
const LIMIT_LABEL = `${MAX_BODY_BYTES / (1024 * 1024)} MB`;

/**
 * A request body and its schema. `fromPath` maps schema keys to the path parameters that fill
 * them (e.g. `{ targetId: "id" }`): those come from the URL, never from the body.
 */
export type BodySpec<S extends z.ZodType = z.ZodType> = { schema: S; fromPath?: Readonly<Record<string, string>> };

/**
 * An HTTP-level refusal that is not about the data (a method the path does not have, a body in
 * a media type it does not read): answered in the API's error shape, with its own headers.
 */
export class HttpError extends Error {
  constructor(
    readonly status: 405 | 415,
    readonly code: "method_not_allowed" | "unsupported_media_type",
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

function tooLarge(): AppError {
  return new AppError("too_large", `Request body is larger than the ${LIMIT_LABEL} limit`, { limitBytes: MAX_BODY_BYTES });
}

// Content-Length can be absent (chunked) or wrong, so the stream itself is counted too.
async function readLimited(req: Request): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A request body sent as a file: its bytes and its media type (Content-Type without parameters). */
export type RawBody = { bytes: Uint8Array; mediaType: string };

/** Content-Type without its parameters, lower case ("" when absent). */
function mediaTypeOf(req: Request): string {
  const [essence = ""] = (req.headers.get("content-type") ?? "").split(";");
  return essence.trim().toLowerCase();
}

/**
 * The raw body of a request that sends a file: 415 unless its Content-Type is one of `accepted`,
 * 413 above the size limit, 400 when empty.
 */
export async function readRawBody(req: Request, accepted: readonly string[]): Promise<RawBody> {
  const mediaType = mediaTypeOf(req);
  if (!accepted.includes(mediaType)) {
    throw new HttpError(415, "unsupported_media_type", `Send the body with Content-Type ${accepted.join(", ")}${mediaType ? `, not ${mediaType}` : ""}`, {
      fields: { "content-type": `One of ${accepted.join(", ")}` },
      accepted,
    });
  }
  const bytes = await readLimited(req);
  if (bytes.byteLength === 0) throw new AppError("bad_request", "Request body is empty; send the file as the body (curl --data-binary @file)");
  return { bytes, mediaType };
}

// application/json, or a JSON-based type such as application/merge-patch+json.
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

const emptyBody = () => new AppError("bad_request", "Request body is empty; send a JSON object");

/**
 * The parsed JSON body: 400 when empty, 415 unless sent as application/json, 413 above the size
 * limit, 400 when not UTF-8 or not JSON, 422 naming the field when a string holds a NUL or a lone
 * surrogate (which PostgreSQL cannot store as sent).
 */
export async function readJson(req: Request): Promise<unknown> {
  if (!req.body || req.headers.get("content-length") === "0") throw emptyBody();
  const mediaType = mediaTypeOf(req);
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new HttpError(415, "unsupported_media_type", `Send the body as JSON with Content-Type: application/json${mediaType ? `, not ${mediaType}` : ""}`, {
      fields: { "content-type": "application/json" },
      accepted: ["application/json"],
    });
  }
  const bytes = await readLimited(req);
  if (bytes.byteLength === 0) throw emptyBody();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "Request body is not valid UTF-8");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", "Request body is not valid JSON", { reason: (err as Error).message });
  }
  assertStorableText(parsed);
  return parsed;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Read the body and validate it against `spec.schema` after adding `fromPath` (the URL's values,
 * keyed like the schema), which the body may not repeat. Returns the schema's output and the raw object (for PATCH merges).
 */
export async function readBody<S extends z.ZodType>(req: Request, spec: BodySpec<S>, fromPath: Record<string, string> = {}) {
  const raw = await readJson(req);
  if (isRecord(raw)) {
    const [repeated] = Object.keys(spec.fromPath ?? {}).filter((k) => k in raw);
    if (repeated !== undefined) {
      const message = `Unrecognized key: "${repeated}" (it is taken from the URL)`;
      throw new AppError("validation", message, { fields: { [repeated]: message } });
    }
  }
  const merged = isRecord(raw) ? { ...raw, ...fromPath } : raw;
  const data: z.output<S> = spec.schema.parse(merged);
  return { data, raw: isRecord(raw) ? raw : {} };
}

/** What a path id names, for its "… not found". */
export type ResourceLabel =
  | "API token"
  | "Alias"
  | "Article"
  | "Claim"
  | "Claim type"
  | "Comment"
  | "Entity"
  | "Invitation"
  | "Member"
  | "Paragraph"
  | "Proposition"
  | "Record"
  | "Session"
  | "Source"
  | "Workspace";

/** A path segment that must be an id; anything else is simply "not found" (a whole sentence per record, so each translates). */
export function idParam(value: string, what: ResourceLabel): string {
  if (!z.string().uuid().safeParse(value).success)
    throw new AppError(
      "not_found",
      // Keyed in lower case: the phrasebook scan reads the sentences, not the labels.
      (
        {
          "api token": "API token not found",
          alias: "Alias not found",
          article: "Article not found",
          claim: "Claim not found",
          "claim type": "Claim type not found",
          comment: "Comment not found",
          entity: "Entity not found",
          invitation: "Invitation not found",
          member: "Member not found",
          paragraph: "Paragraph not found",
          proposition: "Proposition not found",
          record: "Record not found",
          session: "Session not found",
          source: "Source not found",
          workspace: "Workspace not found",
        } satisfies Record<Lowercase<ResourceLabel>, string>
      )[what.toLowerCase() as Lowercase<ResourceLabel>],
    );
  return value;
}

// Percent-escapes decoded to bytes as URLSearchParams does (a "%" not followed by two hex digits
// stays as it is), then read as UTF-8 strictly: null where URLSearchParams would put U+FFFD.
// A serialised URL's query is ASCII (everything else is percent-encoded), so chars are bytes.
function strictQueryComponent(raw: string): string | null {
  const s = raw.replaceAll("+", " ");
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s[i] === "%" ? s.slice(i + 1, i + 3) : "";
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i));
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/**
 * 422 naming the parameter when the query string holds text that cannot be stored as sent: a NUL,
 * or percent-escapes that are not UTF-8 (URLSearchParams would silently read them as U+FFFD).
 */
export function assertStorableQuery(req: Request): void {
  const search = new URL(req.url).search.slice(1);
  if (!search) return;
  for (const pair of search.split("&")) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    const [rawKey, rawValue] = at === -1 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
    const key = strictQueryComponent(rawKey);
    // The name as URLSearchParams reads it, so the error names the parameter a schema would.
    const name = key ?? [...new URLSearchParams(`${rawKey}=`).keys()].join("");
    const value = strictQueryComponent(rawValue);
    if (key === null || value === null) {
      const message = "Is not valid UTF-8: percent-escapes must encode UTF-8 text";
      throw new z.ZodError([{ code: "custom", path: [name], message, input: undefined }]);
    }
    const problem = textProblem(key) ?? textProblem(value);
    if (problem) throw textProblemError({ path: [printable(name)], problem });
  }
}

/** Query parameters validated by `schema`; a repeated parameter keeps its last value. */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}

/**
 * Below this many characters a JSON answer is sent as it is: gzip would save a few hundred bytes
 * and cost the server more than the rest of a small answer (a claim create, an error).
 */
export const COMPRESS_FROM_CHARS = 16_384;

/** A JSON response with a status other than 200 (e.g. 201 Created). */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(data);
  // `no-transform` is what tells the server's compression (and any proxy) to leave it alone.
  const cache = body.length < COMPRESS_FROM_CHARS ? "no-store, no-transform" : "no-store";
  return new Response(body, { status, headers: { "Content-Type": "application/json", "Cache-Control": cache, ...headers } });
}

export const created = (data: unknown) => json(data, 201);
