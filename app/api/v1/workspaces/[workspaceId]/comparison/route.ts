import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { getMatrix } from "@/lib/server/comparison";

const get = route(endpoints.comparison, async ({ actor, query }) => getMatrix(actor, query));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
