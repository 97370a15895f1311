import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { undoDecision } from "@/lib/server/curation";

const del = route(endpoints.undoDecision, async ({ actor, params }) => undoDecision(actor, params.id, params.decisionId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: del });
