import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { mergeEntities } from "@/lib/server/entities";

const post = route(endpoints.mergeEntities, async ({ actor, body }) => mergeEntities(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
