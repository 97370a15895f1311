import { apiHandler, methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { idParam } from "@/lib/api/http";
import { requireMember } from "@/lib/auth/membership";
import { AppError } from "@/lib/server/errors";
import { leaveWorkspace } from "@/lib/server/workspaces";

const del = apiHandler<{ workspaceId: string }>(async ({ params, auth }) => {
  const workspaceId = idParam(params.workspaceId, "Workspace");
  // A leaked token must not be able to take its owner out of a workspace.
  if (auth.kind === "token")
    throw new AppError("forbidden", "Leave a workspace from its Settings page, signed in; API tokens cannot", { auth: "session_required" });
  return leaveWorkspace(await requireMember(auth.userId, workspaceId, { need: endpoints.leaveWorkspace.need }));
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: del });
