import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { createAnnotation } from "@/lib/server/annotations";
import { listAnnotationsPage } from "@/lib/server/api-lists";

const get = route(endpoints.listAnnotations, async ({ actor, query }) => listAnnotationsPage(actor, query));

const post = route(endpoints.createAnnotation, async ({ actor, body }) => createAnnotation(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
