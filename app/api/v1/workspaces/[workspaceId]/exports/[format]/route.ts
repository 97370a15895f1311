import { apiActor } from "@/lib/api/auth";
import { apiHandler, methods } from "@/lib/api/handler";
import { mentionExport } from "@/lib/server/export-stream";
import { parseScope } from "@/lib/server/exports";
import { propositionExport } from "@/lib/server/export-reports";
import { exportFormatSchema } from "@/lib/validation/exports";

/**
 * GET an export of the workspace's claims; query parameters narrow the scope as in the matrix.
 * Documented by `endpoints.exportClaims` but written by hand: it answers a file, not JSON.
 */
const get = apiHandler<{ workspaceId: string; format: string }>(async ({ req, params, auth }) => {
  const actor = await apiActor(auth, params.workspaceId, "workspace.read");
  const format = exportFormatSchema.parse(params.format);
  const url = new URL(req.url);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    // A key listed by keys() has at least one value.
    const [first, ...more] = url.searchParams.getAll(key);
    if (first !== undefined) query[key] = more.length ? [first, ...more] : first;
  }
  const scope = parseScope(query);
  if (format === "csv" || format === "jsonl" || format === "w3c") return mentionExport(actor, format, scope, url.origin);
  return propositionExport(actor, format, scope, url.origin);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
