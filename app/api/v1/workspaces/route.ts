import { apiHandler } from "@/lib/api/handler";
import { listWorkspaces } from "@/lib/server/workspaces";

/** The caller's workspaces; a token sees only the one it is scoped to. */
export const GET = apiHandler(async ({ auth }) => {
  const all = await listWorkspaces(auth.userId);
  const items = auth.kind === "token" ? all.filter((w) => w.id === auth.token.workspaceId) : all;
  return { items, nextCursor: null };
});
