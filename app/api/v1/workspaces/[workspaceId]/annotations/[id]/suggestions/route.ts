import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { suggestPropositions } from "@/lib/server/comparison";

const get = route(endpoints.suggestPropositions, async ({ actor, params }) => ({ items: await suggestPropositions(actor, params.id) }));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
