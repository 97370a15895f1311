// For tests that call every documented endpoint: the route handlers by API path, a workspace
// holding one record of each kind (so path ids name real records), example values read off the
// request schemas, and a count of the main tables to prove a refused request wrote nothing.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { EndpointDef, HttpMethod } from "@/lib/api/endpoints";
import { getDb } from "@/lib/db/client";
import { createComment } from "@/lib/server/comments";
import { createInvitation } from "@/lib/server/invitations";
import { createPropositionFromClaim } from "@/lib/server/propositions";
import { createSession } from "@/lib/server/sessions";
import { createSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";
import type { Handler } from "@/lib/test/api-client";
import { importPassages, markQuote, newUser, type TestUser } from "@/lib/test/helpers";

export type RouteModule = Record<HttpMethod | "OPTIONS", Handler>;

/** Every route file under app/api/v1 (but the catch-all), by its API path: /workspaces/{workspaceId}/…. */
export async function routeModules(): Promise<Map<string, RouteModule>> {
  const root = path.resolve("app/api/v1");
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith("route.ts") && !f.startsWith("[...path]"));
  const out = new Map<string, RouteModule>();
  for (const f of files) out.set(`/${path.dirname(f)}`.replace(/\[(\w+)\]/g, "{$1}"), await import(path.join(root, f)));
  return out;
}

export const FIXTURE_TEXT = `Kim visits the cosmodrome

Kim Jong-un and Vladimir Putin met at the Vostochny cosmodrome 🚀 for five hours.

Washington says North Korea shipped artillery shells; Moscow denies it.`;

/** One record of each kind in the owner's workspace, by the name path parameters use. */
export type Fixture = { owner: TestUser; ws: string; ids: Record<string, string> };

export async function seedFixture(): Promise<Fixture> {
  const owner = await newUser("Fuzz owner");
  const { articleId, passages } = await importPassages(owner, FIXTURE_TEXT, { title: "Kim visits the cosmodrome" });
  const claim = await markQuote(owner, passages, "Vostochny cosmodrome 🚀", "visit");
  const entity = await createEntity(owner.actor, { name: "Kim Jong-un", kind: "PERSON" });
  const source = await createSource(owner.actor, { name: "Fuzz Wire" });
  const proposition = await createPropositionFromClaim(owner.actor, { annotationId: claim.id });
  const comment = await createComment(owner.actor, { targetType: "annotation", targetId: claim.id, body: "Check the date" });
  const session = await createSession(owner.actor, { name: "Fuzz session", articleIds: [articleId], annotatorIds: [owner.user.id] });
  const invitation = await createInvitation(owner.actor, { role: "VIEWER" });
  const claimType = await getDb().claimType.findFirstOrThrow({ where: { workspaceId: owner.workspace.id }, select: { id: true } });
  return {
    owner,
    ws: owner.workspace.id,
    ids: {
      article: articleId,
      passage: passages[0]?.id ?? "",
      annotation: claim.id,
      claimType: claimType.id,
      entity: entity.id,
      source: source.id,
      proposition: proposition.id,
      comment: comment.id,
      session: idOf(session),
      invitation: idOf(invitation),
      user: owner.user.id,
    },
  };
}

function idOf(created: unknown): string {
  const parsed = z.object({ id: z.string() }).safeParse(created);
  if (parsed.success) return parsed.data.id;
  const nested = z.object({ invitation: z.object({ id: z.string() }) }).safeParse(created);
  if (nested.success) return nested.data.invitation.id;
  throw new Error(`no id in ${JSON.stringify(created)}`);
}

// The record a `{id}` names, by the path segment before it.
const ID_KINDS: Record<string, string> = {
  articles: "article",
  annotations: "annotation",
  sources: "source",
  "claim-types": "claimType",
  members: "user",
  invitations: "invitation",
  passages: "passage",
  propositions: "proposition",
  entities: "entity",
  comments: "comment",
  sessions: "session",
};

/** Path parameters for `def` that name the fixture's records (random ids where it has none). */
export function pathParamsFor(def: EndpointDef, fx: Fixture): Record<string, string> {
  const segments = def.path.split("/");
  const out: Record<string, string> = {};
  segments.forEach((segment, i) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!name) return;
    const before = segments[i - 1] ?? "";
    if (name === "workspaceId") out[name] = fx.ws;
    else if (name === "format") out[name] = "csv";
    else if (name === "annotationId") out[name] = fx.ids.annotation ?? crypto.randomUUID();
    else if (name === "articleId") out[name] = fx.ids.article ?? crypto.randomUUID();
    else out[name] = fx.ids[ID_KINDS[before] ?? ""] ?? crypto.randomUUID();
  });
  return out;
}

/** The request URL (relative to /api/v1) for `def` with `params` and an optional raw query string. */
export function urlFor(def: EndpointDef, params: Record<string, string>, query = ""): string {
  const filled = def.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
  return query ? `${filled}?${query}` : filled;
}

type JsonSchema = { [key: string]: unknown };
const asSchema = (v: unknown): JsonSchema => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as JsonSchema) : {});
const branches = (node: JsonSchema): JsonSchema[] =>
  [...((node.anyOf as unknown[]) ?? []), ...((node.oneOf as unknown[]) ?? []), ...((node.allOf as unknown[]) ?? [])].map(asSchema);

/** A request schema as a client sees it (what openapi.ts documents). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/**
 * Every path in a request schema where a client may send a string: "string" leaves, and leaves
 * with no JSON Schema form (transforms), which take whatever is sent. Arrays are entered at index 0.
 */
export function stringPaths(node: JsonSchema, at: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 8) return [];
  const type = node.type;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  const out: (string | number)[][] = [];
  const isLeafAny = types.length === 0 && !node.properties && !node.items && branches(node).length === 0 && node.enum === undefined && node.const === undefined;
  if (at.length > 0 && (types.includes("string") || isLeafAny)) out.push(at);
  for (const [key, child] of Object.entries(asSchema(node.properties))) out.push(...stringPaths(asSchema(child), [...at, key], depth + 1));
  if (node.items) out.push(...stringPaths(asSchema(node.items), [...at, 0], depth + 1));
  (node.prefixItems as unknown[] | undefined)?.forEach((child, i) => {
    out.push(...stringPaths(asSchema(child), [...at, i], depth + 1));
  });
  for (const b of branches(node)) out.push(...stringPaths(b, at, depth + 1));
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = p.join(".");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `{}` with `value` placed at `at` (objects for keys, arrays for indexes). */
export function placeAt(at: readonly (string | number)[], value: unknown): unknown {
  return at.reduceRight<unknown>(
    (inner, key) => (typeof key === "number" ? Object.assign(new Array(key + 1).fill(null), { [key]: inner }) : { [key]: inner }),
    value,
  );
}

const SAMPLE_STRINGS = ["#1f77b4", "abcdefgh12", "1", "2024-05-01", "vi", "Kim Jong-un", "https://example.com/a"];

/**
 * A plausible valid value for a request schema: ids from `pool`, enums' first value, minimum
 * numbers, required properties only. Not always valid (refinements are not in JSON Schema); the
 * property tests mutate it anyway.
 */
export function sampleFor(node: JsonSchema, pool: readonly string[], depth = 0): unknown {
  if (depth > 8) return null;
  if (node.const !== undefined) return node.const;
  if (Array.isArray(node.enum)) return node.enum[0];
  if (node.default !== undefined) return node.default;
  const [first] = branches(node).filter((b) => b.type !== "null");
  if (first) return sampleFor(first, pool, depth + 1);
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
  switch (type) {
    case "object": {
      const required = new Set((node.required as string[] | undefined) ?? []);
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(asSchema(node.properties))) if (required.has(key)) out[key] = sampleFor(asSchema(child), pool, depth + 1);
      return out;
    }
    case "array": {
      const prefix = node.prefixItems as unknown[] | undefined;
      if (prefix) return prefix.map((p, i) => `${sampleFor(asSchema(p), pool, depth + 1)}${i}`);
      const min = (node.minItems as number | undefined) ?? 0;
      return Array.from({ length: Math.max(min, 1) }, () => sampleFor(asSchema(node.items), pool, depth + 1));
    }
    case "integer":
    case "number":
      return (node.minimum as number | undefined) ?? 1;
    case "boolean":
      return true;
    case "string": {
      if (node.format === "uuid") return pool[depth % pool.length] ?? crypto.randomUUID();
      if (node.format === "date") return "2024-05-01";
      if (node.format === "email") return "someone@example.com";
      if (node.format === "uri") return "https://example.com/a";
      const pattern = typeof node.pattern === "string" ? new RegExp(node.pattern) : null;
      const min = (node.minLength as number | undefined) ?? 1;
      const fit = SAMPLE_STRINGS.find((s) => (!pattern || pattern.test(s)) && s.length >= min);
      return fit ?? "x".repeat(Math.max(min, 1));
    }
    default:
      return "x";
  }
}

/** Rows in the tables a write touches; equal before and after means nothing was written. */
export async function countRows(workspaceId: string): Promise<Record<string, number>> {
  const [row] = await getDb().$queryRaw<Record<string, bigint>[]>`
    SELECT
      (SELECT count(*) FROM "Article" WHERE "workspaceId" = ${workspaceId}::uuid) AS articles,
      (SELECT count(*) FROM "Passage" WHERE "workspaceId" = ${workspaceId}::uuid) AS passages,
      (SELECT count(*) FROM "Annotation" WHERE "workspaceId" = ${workspaceId}::uuid) AS annotations,
      (SELECT count(*) FROM "Proposition" WHERE "workspaceId" = ${workspaceId}::uuid) AS propositions,
      (SELECT count(*) FROM "Entity" WHERE "workspaceId" = ${workspaceId}::uuid) AS entities,
      (SELECT count(*) FROM "Source" WHERE "workspaceId" = ${workspaceId}::uuid) AS sources,
      (SELECT count(*) FROM "Comment" WHERE "workspaceId" = ${workspaceId}::uuid) AS comments,
      (SELECT count(*) FROM "AuditEvent" WHERE "workspaceId" = ${workspaceId}::uuid) AS audit`;
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
