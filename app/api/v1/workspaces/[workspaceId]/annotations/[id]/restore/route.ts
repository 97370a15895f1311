import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { restoreAnnotation } from "@/lib/server/annotations";

const post = route(endpoints.restoreAnnotation, async ({ actor, params }) => restoreAnnotation(actor, params.id));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
