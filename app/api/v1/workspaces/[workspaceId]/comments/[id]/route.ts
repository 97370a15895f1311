import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { deleteComment, updateComment } from "@/lib/server/comments";

const patch = route(endpoints.updateComment, async ({ actor, body }) => updateComment(actor, body));

const del = route(endpoints.deleteComment, async ({ actor, params }) => deleteComment(actor, params.id));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: del });
