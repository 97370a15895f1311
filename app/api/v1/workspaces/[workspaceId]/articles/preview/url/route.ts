import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { previewUrlImport } from "@/lib/server/web-page-import";

const post = route(endpoints.previewUrl, async ({ actor, body }) => previewUrlImport(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
