import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listInbox } from "@/lib/server/inbox";

const get = route(endpoints.listInbox, async ({ actor, query }) => listInbox(actor, query));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
