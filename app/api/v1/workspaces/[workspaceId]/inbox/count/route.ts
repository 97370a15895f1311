import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { unreadCount } from "@/lib/server/inbox";

const get = route(endpoints.inboxCount, async ({ actor }) => unreadCount(actor));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
