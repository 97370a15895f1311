import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { markNotificationsRead } from "@/lib/server/inbox";

const post = route(endpoints.markInboxRead, async ({ actor, body }) => markNotificationsRead(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
