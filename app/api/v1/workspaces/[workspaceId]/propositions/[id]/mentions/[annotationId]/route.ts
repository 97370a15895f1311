import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { linkMention, unlinkMention } from "@/lib/server/propositions";

const put = route(endpoints.linkMention, async ({ actor, body }) => linkMention(actor, body));

const del = route(endpoints.unlinkMention, async ({ actor, params }) => unlinkMention(actor, { annotationId: params.annotationId, propositionId: params.id }));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PUT: put, DELETE: del });
