import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { deleteAnnotation, detailsOf, updateAnnotation } from "@/lib/server/annotations";
import { getAnnotation } from "@/lib/server/api-lists";

const get = route(endpoints.getAnnotation, async ({ actor, params }) => getAnnotation(actor, params.id));

/** Partial update: the stored details, overwritten by the fields sent; the service checks `version`. */
const patch = route(endpoints.updateAnnotation, async ({ actor, params, raw }) => {
  const current = await getAnnotation(actor, params.id);
  return updateAnnotation(actor, { ...detailsOf(current), ...raw, id: params.id });
});

const del = route(endpoints.deleteAnnotation, async ({ actor, params, query }) => deleteAnnotation(actor, params.id, query.version));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PATCH: patch, DELETE: del });
