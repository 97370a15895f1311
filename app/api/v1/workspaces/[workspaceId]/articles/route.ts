import { endpoints } from "@/lib/api/endpoints";
import { collectPages } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { importArticle, listArticles } from "@/lib/server/articles";

export const GET = route(endpoints.listArticles, async ({ actor, query }) =>
  collectPages((cursor) => listArticles(actor, { cursor, q: query.q }), query),
);

export const POST = route(endpoints.importArticle, async ({ actor, body }) => importArticle(actor.userId, actor.workspaceId, body));
