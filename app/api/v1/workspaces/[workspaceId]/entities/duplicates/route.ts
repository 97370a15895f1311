import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listLikelyDuplicates } from "@/lib/server/entities";

const get = route(endpoints.likelyDuplicates, async ({ actor }) => ({ items: await listLikelyDuplicates(actor, 100) }));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
