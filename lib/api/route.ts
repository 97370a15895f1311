import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/membership";
import { apiActor, type ApiAuth } from "@/lib/api/auth";
import type { JsonEndpointDef } from "@/lib/api/endpoints";
import { apiHandler, type RouteHandler } from "@/lib/api/handler";
import { idempotent, takesIdempotencyKey } from "@/lib/api/idempotency";
import { created, idParam, readBody, readQuery, readRawBody, type RawBody, type ResourceLabel } from "@/lib/api/http";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOut<D extends JsonEndpointDef> = D["body"] extends { schema: infer S } ? Out<S> : undefined;
type FileOut<D extends JsonEndpointDef> = D["requestMedia"] extends Readonly<Record<string, string>> ? RawBody : undefined;

/** Path parameter names: `{workspaceId}` → "workspaceId". */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].flatMap(([, name]) => (name === undefined ? [] : [name]));
}

/** The same names as a type, from a literal path: "/workspaces/{workspaceId}/articles/{id}" → "workspaceId" | "id". */
type PathParamName<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamName<Rest> : never;
type PathIds<P extends string> = string extends P ? Record<string, string> : Record<PathParamName<P>, string>;

const PARAM_LABELS: Partial<Record<string, ResourceLabel>> = { workspaceId: "Workspace", annotationId: "Claim", aliasId: "Alias" };

export type WorkspaceRouteCtx<D extends JsonEndpointDef> = {
  req: Request;
  auth: ApiAuth;
  /** The member acting, with the lower of membership and token role. */
  actor: Actor;
  /** Path ids, already checked to be ids (anything else is 404); one for each `{name}` in the path. */
  params: PathIds<D["path"]>;
  query: Out<D["query"]>;
  body: BodyOut<D>;
  /** The body as sent (for partial updates that merge over the stored record). */
  raw: Record<string, unknown>;
  /** With `requestMedia`: the body's bytes (size-limited) and its media type, one of those listed. */
  file: FileOut<D>;
};

/**
 * A handler for a documented workspace endpoint: path ids (or its `pathParams`) checked, `apiActor` with the
 * endpoint's capability (`need`), query and body validated by its schemas (or, with `requestMedia`, the
 * body's Content-Type checked and its bytes read), 201 when it says so; a create (POST, 201) runs once
 * per Idempotency-Key.
 */
export function route<D extends JsonEndpointDef & { need: NonNullable<JsonEndpointDef["need"]> }>(
  def: D,
  fn: (ctx: WorkspaceRouteCtx<D>) => Promise<unknown>,
): RouteHandler<Record<string, string>> {
  const names = pathParams(def.path);
  if (!names.includes("workspaceId")) throw new Error(`route(): ${def.path} has no {workspaceId}; use apiHandler`);
  const unknownFromPath = Object.values(def.body?.fromPath ?? {}).filter((param) => !names.includes(param));
  if (unknownFromPath.length) throw new Error(`route(): ${def.path} has no {${unknownFromPath.join("}, {")}} for the body's fromPath`);
  return apiHandler<Record<string, string>>(async ({ req, params, auth }) => {
    const ids: Record<string, string> = {};
    for (const name of names) {
      const own = def.pathParams?.[name];
      ids[name] = own ? own.parse(params[name]) : idParam(params[name] ?? "", PARAM_LABELS[name] ?? def.resource ?? "Record");
    }
    // Set by the loop: `names` includes "workspaceId" (checked above).
    const workspaceId = ids.workspaceId;
    if (workspaceId === undefined) throw new Error(`route(): ${def.path} has no {workspaceId}`);
    const actor = await apiActor(auth, workspaceId, def.need);
    const query = (def.query ? readQuery(req, def.query) : undefined) as Out<D["query"]>;
    let body = undefined as BodyOut<D>;
    let raw: Record<string, unknown> = {};
    if (def.body) {
      // Every fromPath param is one of `names` (checked above), so each has its id.
      const fromPath: Record<string, string> = {};
      for (const [key, param] of Object.entries(def.body.fromPath ?? {})) {
        const id = ids[param];
        if (id !== undefined) fromPath[key] = id;
      }
      ({ data: body, raw } = (await readBody(req, def.body, fromPath)) as { data: BodyOut<D>; raw: Record<string, unknown> });
    }
    const file = (def.requestMedia ? await readRawBody(req, Object.keys(def.requestMedia)) : undefined) as FileOut<D>;
    const answer = async () => {
      // `ids` has one entry for each `{name}` in def.path, which is what PathIds says.
      const result = await fn({ req, auth, actor, params: ids as PathIds<D["path"]>, query, body, raw, file });
      return def.status === 201 && !(result instanceof Response) ? created(result) : result;
    };
    // A create sent again with the same Idempotency-Key answers as the first time (lib/api/idempotency.ts).
    return takesIdempotencyKey(def) ? idempotent(req, actor, { body: raw, file: file as RawBody | undefined }, answer) : answer();
  });
}
