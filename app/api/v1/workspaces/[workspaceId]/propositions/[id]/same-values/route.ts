import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { markSameValues } from "@/lib/server/propositions";

export const POST = route(endpoints.markSameValues, async ({ actor, body }) => markSameValues(actor, body));
