import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { linkMention, unlinkMention } from "@/lib/server/propositions";

export const PUT = route(endpoints.linkMention, async ({ actor, body }) => linkMention(actor, body));

export const DELETE = route(endpoints.unlinkMention, async ({ actor, params }) =>
  unlinkMention(actor, { annotationId: params.annotationId, propositionId: params.id }),
);
