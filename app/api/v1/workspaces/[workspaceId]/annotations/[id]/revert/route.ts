import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { revertAnnotation } from "@/lib/server/history";

const post = route(endpoints.revertAnnotation, async ({ actor, body }) => revertAnnotation(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
