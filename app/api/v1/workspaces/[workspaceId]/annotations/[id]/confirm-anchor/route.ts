import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { confirmAnchor } from "@/lib/server/annotations";

export const POST = route(endpoints.confirmAnchor, async ({ actor, body }) => confirmAnchor(actor, body));
