import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { updateArticle } from "@/lib/server/article-metadata";
import { deleteArticle, getReaderData } from "@/lib/server/articles";

export const GET = route(endpoints.getArticle, async ({ actor, params }) => getReaderData(actor, params.id));

export const DELETE = route(endpoints.deleteArticle, async ({ actor, params }) => deleteArticle(actor, params.id));

export const PATCH = route(endpoints.updateArticle, async ({ actor, body }) => updateArticle(actor, body));
