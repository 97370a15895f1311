import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listPropositionsPage } from "@/lib/server/api-lists";
import { createPropositionFromClaim } from "@/lib/server/propositions";

const get = route(endpoints.listPropositions, async ({ actor, query }) => listPropositionsPage(actor, query));

const post = route(endpoints.createProposition, async ({ actor, body }) => createPropositionFromClaim(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
