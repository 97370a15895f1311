import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { collectPages } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { parseArticle } from "@/lib/domain/import-metadata";
import { withDetected } from "@/lib/domain/import-jsonl";
import { importArticle, listArticles } from "@/lib/server/articles";

const get = route(endpoints.listArticles, async ({ actor, query }) => collectPages((cursor) => listArticles(actor, { cursor, q: query.q }), query));

// Metadata left out of the body is what the text's own lines say (as the import preview shows).
const post = route(endpoints.importArticle, async ({ actor, body }) => importArticle(actor, withDetected(body, parseArticle(body.text))));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
