import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { revealSession } from "@/lib/server/sessions";

const post = route(endpoints.revealSession, async ({ actor, body }) => revealSession(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
