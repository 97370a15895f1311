import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { deleteClaimType, getClaimType, saveClaimType } from "@/lib/server/workspaces";

/** Partial update: the stored label, colour and shortcut, overwritten by the fields sent. */
const patch = route(endpoints.updateClaimType, async ({ actor, params, raw }) => {
  const { label, color, shortcut } = await getClaimType(actor, params.id);
  return saveClaimType(actor, { label, color, shortcut, ...raw, id: params.id });
});

const del = route(endpoints.deleteClaimType, async ({ actor, params }) => deleteClaimType(actor, params.id));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: del });
