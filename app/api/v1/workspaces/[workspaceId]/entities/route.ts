import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { collectPages } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listEntities } from "@/lib/server/entities";
import { createEntity } from "@/lib/server/speakers";

const get = route(endpoints.listEntities, async ({ actor, query }) =>
  collectPages((cursor) => listEntities(actor, { cursor, q: query.q, kind: query.kind }), query),
);

const post = route(endpoints.createEntity, async ({ actor, body }) => createEntity(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
