import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { updateEntity } from "@/lib/server/entities";

export const PATCH = route(endpoints.updateEntity, async ({ actor, body }) => updateEntity(actor, body));
