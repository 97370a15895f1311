import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { createAnnotation } from "@/lib/server/annotations";
import { listAnnotationsPage } from "@/lib/server/api-lists";

export const GET = route(endpoints.listAnnotations, async ({ actor, query }) => listAnnotationsPage(actor, query));

export const POST = route(endpoints.createAnnotation, async ({ actor, body }) => createAnnotation(actor, body));
