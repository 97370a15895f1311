import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { heartbeat, leave, listPresence } from "@/lib/server/presence";

const get = route(endpoints.listPresence, async ({ actor, params }) => ({ items: await listPresence(actor, params.id) }));

const put = route(endpoints.heartbeat, async ({ actor, params, body }) => ({ items: await heartbeat(actor, params.id, body) }));

const del = route(endpoints.leavePresence, async ({ actor, params, query }) => ({ items: await leave(actor, params.id, query) }));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PUT: put, DELETE: del });
