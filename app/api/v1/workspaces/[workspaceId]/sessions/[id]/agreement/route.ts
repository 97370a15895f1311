import { apiActor } from "@/lib/api/auth";
import { endpoints } from "@/lib/api/endpoints";
import { apiHandler, methods } from "@/lib/api/handler";
import { idParam, readQuery } from "@/lib/api/http";
import { sessionQueries } from "@/lib/api/session-schemas";
import { getSessionAgreement, sessionAgreementCsv } from "@/lib/server/session-agreement";

/** An explicit ?format wins; without one, a client that accepts text/csv gets the CSV. */
function wantsCsv(req: Request, format: "json" | "csv" | undefined): boolean {
  if (format) return format === "csv";
  return (req.headers.get("accept") ?? "").split(",").some((type) => type.split(";")[0]?.trim().toLowerCase() === "text/csv");
}

/**
 * GET a session's agreement report as JSON, or as a CSV attachment. Documented by
 * `endpoints.sessionAgreement` but written by hand: one of its answers is a file, not JSON.
 */
const get = apiHandler<{ workspaceId: string; id: string }>(async ({ req, params, auth }) => {
  const id = idParam(params.id, "Session");
  const actor = await apiActor(auth, params.workspaceId, endpoints.sessionAgreement.need);
  const { format } = readQuery(req, sessionQueries.agreement);
  if (!wantsCsv(req, format)) return getSessionAgreement(actor, id);
  const { filename, body } = await sessionAgreementCsv(actor, id);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
