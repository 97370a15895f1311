import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { assertAliasOfEntity } from "@/lib/server/api-lists";
import { removeAlias } from "@/lib/server/entities";

const del = route(endpoints.removeAlias, async ({ actor, params }) => {
  await assertAliasOfEntity(actor, params.id, params.aliasId);
  return removeAlias(actor, { aliasId: params.aliasId });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: del });
