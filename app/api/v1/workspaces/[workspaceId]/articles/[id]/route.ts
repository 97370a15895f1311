import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { updateArticle } from "@/lib/server/article-metadata";
import { deleteArticle, getReaderData } from "@/lib/server/articles";

const get = route(endpoints.getArticle, async ({ actor, params }) => getReaderData(actor, params.id));

const del = route(endpoints.deleteArticle, async ({ actor, params }) => deleteArticle(actor, params.id));

const patch = route(endpoints.updateArticle, async ({ actor, body }) => updateArticle(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, DELETE: del, PATCH: patch });
