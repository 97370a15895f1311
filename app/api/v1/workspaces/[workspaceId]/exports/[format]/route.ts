import { z } from "zod";
import { apiActor } from "@/lib/api/auth";
import { apiHandler } from "@/lib/api/handler";
import { mentionExport } from "@/lib/server/export-stream";
import { parseScope } from "@/lib/server/exports";
import { propositionExport } from "@/lib/server/export-reports";
import { EXPORT_FORMATS } from "@/lib/validation/exports";

const formatSchema = z.enum(EXPORT_FORMATS, { error: () => ({ message: `format must be one of ${EXPORT_FORMATS.join(", ")}` }) });

/** GET an export of the workspace's claims; query parameters narrow the scope as in the matrix. */
export const GET = apiHandler<{ workspaceId: string; format: string }>(async ({ req, params, auth }) => {
  const actor = await apiActor(auth, params.workspaceId, "VIEWER");
  const format = formatSchema.parse(params.format);
  const url = new URL(req.url);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 ? all : all[0];
  }
  const scope = parseScope(query);
  if (format === "csv" || format === "jsonl" || format === "w3c") return mentionExport(actor, format, scope, url.origin);
  return propositionExport(actor, format, scope, url.origin);
});
