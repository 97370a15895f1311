import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { deleteSession, getSession, updateSession } from "@/lib/server/sessions";

const get = route(endpoints.getSession, async ({ actor, params }) => getSession(actor, params.id));

/** Partial update: the service changes only the fields sent and checks `version`. */
const patch = route(endpoints.updateSession, async ({ actor, body }) => updateSession(actor, body));

const del = route(endpoints.deleteSession, async ({ actor, params, query }) => deleteSession(actor, { id: params.id, version: query.version }));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PATCH: patch, DELETE: del });
