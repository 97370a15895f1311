import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { mergeEntities } from "@/lib/server/entities";

export const POST = route(endpoints.mergeEntities, async ({ actor, body }) => mergeEntities(actor, body));
