import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { createComment, listComments } from "@/lib/server/comments";

const get = route(endpoints.listComments, async ({ actor, query }) => listComments(actor, query));

const post = route(endpoints.createComment, async ({ actor, body }) => createComment(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
