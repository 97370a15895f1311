import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { remarkAnnotation } from "@/lib/server/annotations";

export const POST = route(endpoints.remarkAnnotation, async ({ actor, body }) => remarkAnnotation(actor, body));
