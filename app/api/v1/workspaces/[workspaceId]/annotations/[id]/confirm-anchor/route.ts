import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { confirmAnchor } from "@/lib/server/annotations";

const post = route(endpoints.confirmAnchor, async ({ actor, body }) => confirmAnchor(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
