import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { remarkAnnotation } from "@/lib/server/annotations";

const post = route(endpoints.remarkAnnotation, async ({ actor, body }) => remarkAnnotation(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
