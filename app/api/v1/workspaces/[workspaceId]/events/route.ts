import { apiActor } from "@/lib/api/auth";
import { apiHandler, methods } from "@/lib/api/handler";
import { readQuery } from "@/lib/api/http";
import { liveStream } from "@/lib/server/live-stream";
import { liveQuerySchema } from "@/lib/validation/live";

// A stream stays open: never cache or pre-render it.
export const dynamic = "force-dynamic";

/** GET the workspace's changes as Server-Sent Events (documented by `endpoints.liveEvents`). */
const get = apiHandler<{ workspaceId: string }>(async ({ req, params, auth }) => {
  const actor = await apiActor(auth, params.workspaceId, "workspace.read");
  const query = readQuery(req, liveQuerySchema);
  return liveStream(actor, query, req.headers.get("last-event-id"), req.signal, { tokenRole: auth.kind === "token" ? auth.token.role : undefined });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
