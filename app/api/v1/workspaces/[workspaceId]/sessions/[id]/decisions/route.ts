import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { decideUnit } from "@/lib/server/curation";

const post = route(endpoints.decideUnit, async ({ actor, params, body }) => decideUnit(actor, params.id, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
