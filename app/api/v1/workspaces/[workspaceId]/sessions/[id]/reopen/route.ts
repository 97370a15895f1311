import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { reopenSession } from "@/lib/server/sessions";

const post = route(endpoints.reopenSession, async ({ actor, body }) => reopenSession(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
