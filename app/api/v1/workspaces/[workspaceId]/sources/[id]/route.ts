import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { deleteSource, updateSource } from "@/lib/server/sources";

const patch = route(endpoints.updateSource, async ({ actor, body }) => updateSource(actor, body));

const del = route(endpoints.deleteSource, async ({ actor, params }) => deleteSource(actor, params.id));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: del });
