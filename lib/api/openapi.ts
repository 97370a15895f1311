import { z } from "zod";
import { roleFor } from "@/lib/domain/permissions";
import { endpoints, type EndpointDef } from "@/lib/api/endpoints";
import { MAX_BODY_BYTES } from "@/lib/api/http";
import { IDEMPOTENCY_KEY_HEADER, REPLAYED_HEADER, takesIdempotencyKey } from "@/lib/api/idempotency";
import { API_MAX_LIMIT } from "@/lib/api/pagination";
import { responses } from "@/lib/api/schemas";
import { IDEMPOTENCY_KEY_TTL_HOURS, IDEMPOTENCY_RETRY_AFTER_SECONDS } from "@/lib/server/idempotency";
import { IDEMPOTENCY_KEY_MAX, idempotencyKeySchema } from "@/lib/validation/idempotency";

type JsonSchema = Record<string, unknown>;
type Parameter = { name: string; in: "path" | "query" | "header"; required: boolean; description?: string; schema: JsonSchema };

export const API_BASE_PATH = "/api/v1";

// Request schemas are documented as what a client sends (io: "input"), responses as what it gets.
// Transforms and refinements have no JSON Schema form; they are checked at run time.
function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return tidy(rest, io) as JsonSchema;
}

const SAFE_INT = Number.MAX_SAFE_INTEGER;

// Drop what only adds noise for a reader: zod's uuid regex next to format "uuid", safe-integer
// bounds, and (in responses, which may grow new fields) additionalProperties: false.
function tidy(node: unknown, io: "input" | "output"): unknown {
  if (Array.isArray(node)) return node.map((n) => tidy(n, io));
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "pattern" && "format" in node) continue;
    if ((k === "minimum" || k === "maximum") && Math.abs(v as number) === SAFE_INT) continue;
    if (k === "additionalProperties" && v === false && io === "output") continue;
    out[k] = tidy(v, io);
  }
  return out;
}

function withoutKeys(schema: JsonSchema, keys: string[]): JsonSchema {
  if (!keys.length) return schema;
  const properties = { ...(schema.properties as Record<string, unknown>) };
  for (const k of keys) delete properties[k];
  const required = ((schema.required as string[] | undefined) ?? []).filter((k) => !keys.includes(k));
  return { ...schema, properties, ...(required.length ? { required } : { required: undefined }) };
}

const PATH_PARAM_DOCS: Record<string, string> = {
  workspaceId: "Workspace id (GET /workspaces lists yours)",
  annotationId: "Claim (annotation) id",
  aliasId: "Alias id",
};

function parameters(d: EndpointDef): Parameter[] {
  const names = [...d.path.matchAll(/\{(\w+)\}/g)].flatMap(([, name]) => (name === undefined ? [] : [name]));
  const path = names.map((name) => {
    const own = d.pathParams?.[name];
    const { description, ...schema } = own ? toSchema(own, "input") : { type: "string", format: "uuid" };
    return {
      name,
      in: "path" as const,
      required: true,
      description: typeof description === "string" ? description : (PATH_PARAM_DOCS[name] ?? `${d.resource ?? "Record"} id`),
      schema,
    };
  });
  const headers = takesIdempotencyKey(d) ? [idempotencyKeyParameter()] : [];
  if (!d.query) return [...path, ...headers];
  const q = toSchema(d.query, "input");
  const required = new Set((q.required as string[] | undefined) ?? []);
  const query = Object.entries((q.properties as Record<string, JsonSchema>) ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query" as const, required: required.has(name), ...(typeof description === "string" ? { description } : {}), schema: rest };
  });
  return [...path, ...query, ...headers];
}

function idempotencyKeyParameter(): Parameter {
  return {
    name: IDEMPOTENCY_KEY_HEADER,
    in: "header",
    required: false,
    description: `Send the create again with the same key (a UUID, say) and it is done once: the first answer comes back, with ${REPLAYED_HEADER}: true. Kept ${IDEMPOTENCY_KEY_TTL_HOURS} hours, per member.`,
    schema: toSchema(idempotencyKeySchema, "input"),
  };
}

const errorRef = { $ref: "#/components/schemas/Error" };
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorRef } } });

// A file's body has no JSON Schema; each media type says what it holds.
function fileContent(media: Readonly<Record<string, string>>): Record<string, { schema: JsonSchema }> {
  return Object.fromEntries(
    Object.entries(media).map(([type, description]) => [type, { schema: /(\+|\/)json$/.test(type) ? { description } : { type: "string", description } }]),
  );
}

function requestBody(d: EndpointDef): { required: true; content: Record<string, { schema: JsonSchema }> } | undefined {
  if (d.requestMedia) return { required: true, content: fileContent(d.requestMedia) };
  if (d.body)
    return { required: true, content: { "application/json": { schema: withoutKeys(toSchema(d.body.schema, "input"), Object.keys(d.body.fromPath ?? {})) } } };
  return undefined;
}

function operationResponses(d: EndpointDef) {
  const status = String(d.status ?? 200);
  const out: Record<string, unknown> = {
    [status]: d.media
      ? {
          description: "The file, as an attachment",
          headers: { "Content-Disposition": { description: 'attachment; filename="…"', schema: { type: "string" } } },
          content: fileContent(d.media),
        }
      : {
          description: status === "201" ? "Created" : "OK",
          ...(takesIdempotencyKey(d)
            ? {
                headers: {
                  [REPLAYED_HEADER]: {
                    description: `"true" when this is the stored answer to an earlier request with the same ${IDEMPOTENCY_KEY_HEADER}`,
                    schema: { type: "string", enum: ["true"] },
                  },
                },
              }
            : {}),
          content: { "application/json": { schema: toSchema(d.response, "output") } },
        },
  };
  if (d.body) out["400"] = errorResponse("The body is not valid JSON, or the request makes no sense (e.g. a span outside the passage)");
  if (d.requestMedia) {
    out["400"] = errorResponse("The body is empty or not readable as the file it claims to be");
    out["415"] = errorResponse(`Content-Type is not one of ${Object.keys(d.requestMedia).join(", ")}`);
  }
  if (d.body || d.requestMedia) out["413"] = errorResponse(`The body is larger than ${MAX_BODY_BYTES / (1024 * 1024)} MB`);
  if (d.auth !== "none") {
    out["401"] = errorResponse("No credentials, or an unknown or revoked token");
    out["403"] = errorResponse("Your role (or the token's) is too low for this");
    out["404"] = errorResponse("Not found, or in a workspace you (or the token) cannot see");
  }
  if (d.body || d.query || d.requestMedia) out["422"] = errorResponse("Invalid field, or an unknown field in the body; details.fields names them");
  if (d.method !== "GET") out["409"] = errorResponse("Conflict: already exists, or changed by someone else (version)");
  if (takesIdempotencyKey(d)) {
    out["409"] = errorResponse(
      `Conflict: already exists, or a request with this ${IDEMPOTENCY_KEY_HEADER} is still running (retry after Retry-After, ${IDEMPOTENCY_RETRY_AFTER_SECONDS} s)`,
    );
    out["422"] = errorResponse(
      `Invalid field, or an unknown field in the body (details.fields names them); or an ${IDEMPOTENCY_KEY_HEADER} that is malformed or was used for a different request`,
    );
  }
  return out;
}

function security(d: EndpointDef) {
  if (d.auth === "none") return [];
  if (d.auth === "session") return [{ sessionCookie: [] }];
  return [{ bearerAuth: [] }, { sessionCookie: [] }];
}

/** Operation id from the registry key: "importArticle". */
function operation(name: string, d: EndpointDef) {
  return {
    operationId: name,
    tags: [d.tag] satisfies [string],
    summary: d.summary,
    ...(d.description || d.need
      ? {
          description: [d.description, d.need ? `Needs \`${d.need}\`: role ${roleFor(d.need).toLowerCase()} or higher (membership and token).` : null]
            .filter(Boolean)
            .join("\n\n"),
        }
      : {}),
    ...(d.need ? { "x-capability": d.need, "x-min-role": roleFor(d.need) } : {}),
    security: security(d),
    parameters: parameters(d),
    requestBody: requestBody(d),
    responses: operationResponses(d),
  };
}

/** The OpenAPI 3.1 document, generated from the endpoint registry and its zod schemas. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const [name, d] of Object.entries(endpoints) as [string, EndpointDef][]) {
    const forPath = paths[d.path] ?? {};
    forPath[d.method.toLowerCase()] = operation(name, d);
    paths[d.path] = forPath;
  }
  const tags = [...new Set(Object.values(endpoints).map((d) => d.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "Claimboard REST API",
      version: "1",
      description: [
        "Claims and source comparison for fact-checking desks.",
        "Authenticate with a personal API token (`Authorization: Bearer cb_…`, created in a workspace's Settings → API tokens) or, from the browser, the signed-in session. A token works for one workspace only, with at most its own role and at most its creator's current role.",
        `Lists take \`?cursor=&limit=\` (limit at most ${API_MAX_LIMIT}) and answer \`{ items, nextCursor }\`; pass nextCursor back for the next page, null means the last page.`,
        `Creates (POST answering 201) take an optional \`${IDEMPOTENCY_KEY_HEADER}\` header, 1–${IDEMPOTENCY_KEY_MAX} printable ASCII characters (a UUID is a good key), kept ${IDEMPOTENCY_KEY_TTL_HOURS} hours per member: send a retry with the same key and body and it is done once, answering the first success again with \`${REPLAYED_HEADER}: true\`. While the first is still running a retry gets a 409 with \`Retry-After: ${IDEMPOTENCY_RETRY_AFTER_SECONDS}\`; the same key with another method, path or body is a 422; a failed request frees its key. Creates whose answer holds a secret shown once (invitation links, API tokens) ignore the header.`,
        'Errors always have the shape `{ "error": { "code", "message", "details" } }`; `details.fields` names the fields that are wrong. Unknown fields in a body are refused (422). A method a path does not list is a 405 (`method_not_allowed`) whose `Allow` header lists the ones it has; a path that does not exist is a 404.',
      ].join("\n\n"),
    },
    servers: [{ url: API_BASE_PATH }],
    tags,
    paths,
    components: {
      schemas: { Error: toSchema(responses.error, "output") },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "cb_ followed by 43 base64url characters", description: "Personal API token" },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The browser session after signing in (same-site requests only)",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
export type OpenApiOperation = ReturnType<typeof operation>;
