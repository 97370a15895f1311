import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { propositionHistory } from "@/lib/server/history";

const get = route(endpoints.propositionHistory, async ({ actor, params, query }) => propositionHistory(actor, params.id, query));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
