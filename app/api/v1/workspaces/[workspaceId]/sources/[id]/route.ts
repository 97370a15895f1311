import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { updateSource } from "@/lib/server/sources";

export const PATCH = route(endpoints.updateSource, async ({ actor, body }) => updateSource(actor, body));
