import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { closeSession } from "@/lib/server/sessions";

const post = route(endpoints.closeSession, async ({ actor, body }) => closeSession(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
