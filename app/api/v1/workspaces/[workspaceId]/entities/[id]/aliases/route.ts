import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { addAlias } from "@/lib/server/entities";

export const POST = route(endpoints.addAlias, async ({ actor, body }) => addAlias(actor, body));
