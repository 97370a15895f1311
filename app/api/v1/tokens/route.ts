import { apiHandler, methods } from "@/lib/api/handler";
import { created, readBody, readQuery } from "@/lib/api/http";
import { endpoints } from "@/lib/api/endpoints";
import { createApiToken, listApiTokens } from "@/lib/server/api-tokens";
import { requireMember } from "@/lib/auth/membership";

// Token management needs a browser session: a leaked token must not be able to mint more.

const get = apiHandler(
  async ({ req, auth }) => {
    const { workspaceId } = readQuery(req, endpoints.listTokens.query);
    return { items: await listApiTokens(await requireMember(auth.userId, workspaceId)) };
  },
  { auth: "session" },
);

const post = apiHandler(
  async ({ req, auth }) => {
    const { data } = await readBody(req, endpoints.createToken.body);
    const { workspaceId, ...input } = data;
    return created(await createApiToken(await requireMember(auth.userId, workspaceId), input));
  },
  { auth: "session" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
