import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { assignSession } from "@/lib/server/sessions";

const put = route(endpoints.assignSession, async ({ actor, body }) => assignSession(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PUT: put });
