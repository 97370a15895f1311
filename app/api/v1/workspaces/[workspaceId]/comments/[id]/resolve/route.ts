import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { resolveThread } from "@/lib/server/comments";

const post = route(endpoints.resolveThread, async ({ actor, body }) => resolveThread(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
