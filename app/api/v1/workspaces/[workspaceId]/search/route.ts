import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { search } from "@/lib/server/search";

const get = route(endpoints.search, async ({ actor, query }) =>
  search(actor, {
    q: query.q,
    kinds: query.kinds
      ?.split(",")
      .map((k) => k.trim())
      .filter(Boolean),
    limit: query.limit,
  }),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
