import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { search } from "@/lib/server/search";

export const GET = route(endpoints.search, async ({ actor, query }) =>
  search(actor, {
    q: query.q,
    kinds: query.kinds?.split(",").map((k) => k.trim()).filter(Boolean),
    limit: query.limit,
  }),
);
