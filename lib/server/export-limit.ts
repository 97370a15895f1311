import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/server/errors";

// An export holds one pooled connection (its snapshot) for as long as it streams, and keeps a
// core busy turning rows into text: without a limit a few large or slowly read exports would take
// the pool from every other request. Counted per app instance (one Node process).

/** How long a refused export should wait before trying again, in seconds. */
export const EXPORT_RETRY_AFTER_SECONDS = 10;

const running = new Map<string, number>();
let total = 0;

/**
 * Take an export slot for `workspaceId`, or refuse: 429 when the workspace already runs
 * EXPORTS_PER_WORKSPACE exports, 503 when the instance runs EXPORTS_MAX; both with Retry-After.
 * Returns the release, which may be called more than once.
 */
export function takeExportSlot(workspaceId: string): () => void {
  const mine = running.get(workspaceId) ?? 0;
  if (mine >= env.EXPORTS_PER_WORKSPACE)
    throw new AppError(
      "rate_limited",
      mine === 1
        ? "This workspace already has 1 export running; try again when one has finished."
        : `This workspace already has ${mine} exports running; try again when one has finished.`,
      { running: mine, limit: env.EXPORTS_PER_WORKSPACE },
      undefined,
      EXPORT_RETRY_AFTER_SECONDS,
    );
  if (total >= env.EXPORTS_MAX)
    throw new AppError(
      "unavailable",
      "The server is busy with other exports; try again in a moment.",
      { limit: env.EXPORTS_MAX },
      undefined,
      EXPORT_RETRY_AFTER_SECONDS,
    );
  running.set(workspaceId, mine + 1);
  total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    total--;
    const left = (running.get(workspaceId) ?? 1) - 1;
    if (left > 0) running.set(workspaceId, left);
    else running.delete(workspaceId);
  };
}
