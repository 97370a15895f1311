import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { previewHtmlImport } from "@/lib/server/web-page-import";

const post = route(endpoints.previewHtml, async ({ actor, query, file }) =>
  previewHtmlImport(actor, { fileName: query.fileName ?? "page.html", bytes: file.bytes }),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
