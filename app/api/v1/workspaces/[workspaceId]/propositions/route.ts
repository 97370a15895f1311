import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listPropositionsPage } from "@/lib/server/api-lists";
import { createPropositionFromClaim } from "@/lib/server/propositions";

export const GET = route(endpoints.listPropositions, async ({ actor, query }) => listPropositionsPage(actor, query));

export const POST = route(endpoints.createProposition, async ({ actor, body }) => createPropositionFromClaim(actor, body));
