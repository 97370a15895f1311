import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { markSameValues } from "@/lib/server/propositions";

const post = route(endpoints.markSameValues, async ({ actor, body }) => markSameValues(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
