import { endpoints } from "@/lib/api/endpoints";
import { collectPages } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listEntities } from "@/lib/server/entities";
import { createEntity } from "@/lib/server/speakers";

export const GET = route(endpoints.listEntities, async ({ actor, query }) =>
  collectPages((cursor) => listEntities(actor, { cursor, q: query.q, kind: query.kind }), query),
);

export const POST = route(endpoints.createEntity, async ({ actor, body }) => createEntity(actor, body));
