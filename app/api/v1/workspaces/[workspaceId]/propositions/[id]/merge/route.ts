import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { mergePropositions } from "@/lib/server/propositions";

export const POST = route(endpoints.mergePropositions, async ({ actor, body }) => mergePropositions(actor, body));
