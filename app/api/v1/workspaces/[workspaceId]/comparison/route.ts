import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { getMatrix } from "@/lib/server/comparison";

export const GET = route(endpoints.comparison, async ({ actor, query }) => getMatrix(actor, query));
