import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { assertAliasOfEntity } from "@/lib/server/api-lists";
import { removeAlias } from "@/lib/server/entities";

export const DELETE = route(endpoints.removeAlias, async ({ actor, params }) => {
  await assertAliasOfEntity(actor, params.id, params.aliasId);
  return removeAlias(actor, { aliasId: params.aliasId });
});
