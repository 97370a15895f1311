import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { getPropositionFields } from "@/lib/server/api-lists";
import { getProposition } from "@/lib/server/comparison";
import { deleteProposition, updateProposition } from "@/lib/server/propositions";

const get = route(endpoints.getProposition, async ({ actor, params }) => getProposition(actor, params.id));

/** Partial update: the stored statement, claim type and rating, overwritten by the fields sent. */
const patch = route(endpoints.updateProposition, async ({ actor, params, raw }) => {
  const { id: _id, createdAt: _c, reviewerId: _r, reviewDate, ...stored } = await getPropositionFields(actor, params.id);
  return updateProposition(actor, { ...stored, reviewDate: reviewDate?.toISOString().slice(0, 10) ?? null, ...raw, id: params.id });
});

const del = route(endpoints.deleteProposition, async ({ actor, params }) => deleteProposition(actor, params.id));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PATCH: patch, DELETE: del });
