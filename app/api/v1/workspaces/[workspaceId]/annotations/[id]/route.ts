import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { deleteAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { getAnnotation } from "@/lib/server/api-lists";

export const GET = route(endpoints.getAnnotation, async ({ actor, params }) => getAnnotation(actor, params.id));

/** Partial update: the stored details, overwritten by the fields sent; the service checks `version`. */
export const PATCH = route(endpoints.updateAnnotation, async ({ actor, params, raw }) => {
  const current = await getAnnotation(actor, params.id);
  const speaker = current.speakerEntity ? { entityId: current.speakerEntity.id } : current.speakerSource ? { sourceId: current.speakerSource.id } : undefined;
  const stored = {
    claimTypeId: current.claimTypeId,
    speaker,
    modality: current.modality,
    actors: current.actors,
    fields: current.fields ?? {},
    note: current.note ?? undefined,
  };
  return updateAnnotation(actor.userId, actor.workspaceId, { ...stored, ...raw, id: params.id });
});

export const DELETE = route(endpoints.deleteAnnotation, async ({ actor, params, query }) =>
  deleteAnnotation(actor.userId, actor.workspaceId, params.id, query.version),
);
