import { apiHandler, methods } from "@/lib/api/handler";
import { readQuery } from "@/lib/api/http";
import { endpoints } from "@/lib/api/endpoints";
import { requireMember } from "@/lib/auth/membership";
import { revokeApiToken } from "@/lib/server/api-tokens";

const del = apiHandler<{ id: string }>(
  async ({ req, params, auth }) => {
    const { workspaceId } = readQuery(req, endpoints.revokeToken.query);
    return revokeApiToken(await requireMember(auth.userId, workspaceId), params.id);
  },
  { auth: "session" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: del });
