import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { getCellQuotes } from "@/lib/server/comparison";

const get = route(endpoints.cellQuotes, async ({ actor, params, query }) => getCellQuotes(actor, params.id, query));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
