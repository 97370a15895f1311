import { apiHandler, methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { readBody } from "@/lib/api/http";
import { AppError } from "@/lib/server/errors";
import { acceptInvitation } from "@/lib/server/invitations";

const post = apiHandler(async ({ req, auth }) => {
  // Joining is something a person does with their own account, signed in; a token is for one workspace.
  if (auth.kind === "token") throw new AppError("forbidden", "Accept an invitation signed in, in the browser; API tokens cannot", { auth: "session_required" });
  const { data } = await readBody(req, endpoints.acceptInvitation.body);
  return acceptInvitation(auth.userId, data.token);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
