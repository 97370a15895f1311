import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listChanges } from "@/lib/server/live-stream";

const get = route(endpoints.listChanges, async ({ actor, query }) => listChanges(actor, query));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
