import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { mergePropositions } from "@/lib/server/propositions";

const post = route(endpoints.mergePropositions, async ({ actor, body }) => mergePropositions(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
