import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { updateEntity } from "@/lib/server/entities";

const patch = route(endpoints.updateEntity, async ({ actor, body }) => updateEntity(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch });
