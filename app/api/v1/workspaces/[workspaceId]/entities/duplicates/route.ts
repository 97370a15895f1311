import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listLikelyDuplicates } from "@/lib/server/entities";

export const GET = route(endpoints.likelyDuplicates, async ({ actor }) => ({ items: await listLikelyDuplicates(actor, 100) }));
