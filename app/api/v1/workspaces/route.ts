import { apiHandler, methods } from "@/lib/api/handler";
import { listWorkspaces } from "@/lib/server/workspaces";

/** The caller's workspaces; a token sees only the one it is scoped to. */
const get = apiHandler(async ({ auth }) => {
  const all = await listWorkspaces(auth.userId);
  const items = auth.kind === "token" ? all.filter((w) => w.id === auth.token.workspaceId) : all;
  return { items, nextCursor: null };
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
