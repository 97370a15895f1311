import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { replyToComment } from "@/lib/server/comments";

const post = route(endpoints.replyComment, async ({ actor, body }) => replyToComment(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
