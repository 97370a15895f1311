import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { previewImport } from "@/lib/server/articles";

const post = route(endpoints.previewArticle, async ({ actor, body }) => previewImport(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
