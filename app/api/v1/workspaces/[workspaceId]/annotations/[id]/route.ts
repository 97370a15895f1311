import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { deleteAnnotation, detailsOf, updateAnnotation } from "@/lib/server/annotations";
import { getAnnotation } from "@/lib/server/api-lists";

export const GET = route(endpoints.getAnnotation, async ({ actor, params }) => getAnnotation(actor, params.id));

/** Partial update: the stored details, overwritten by the fields sent; the service checks `version`. */
export const PATCH = route(endpoints.updateAnnotation, async ({ actor, params, raw }) => {
  const current = await getAnnotation(actor, params.id);
  return updateAnnotation(actor, { ...detailsOf(current), ...raw, id: params.id });
});

export const DELETE = route(endpoints.deleteAnnotation, async ({ actor, params, query }) =>
  deleteAnnotation(actor, params.id, query.version),
);
