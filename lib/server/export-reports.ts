import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { claimReview } from "@/lib/domain/export/claimreview";
import { markdownReport } from "@/lib/domain/export/markdown";
import { reportMatrix } from "@/lib/domain/export/report-matrix";
import { countingSentence } from "@/lib/domain/review";
import { AppError } from "@/lib/server/errors";
import { takeExportSlot } from "@/lib/server/export-limit";
import { exportPropositions, exportScopeLabel, foldedTitle } from "@/lib/server/exports";
import type { ExportFormat, ExportScope } from "@/lib/validation/exports";

/** Proposition-level exports: ClaimReview JSON-LD (rated propositions) and the Markdown claim report; each holds an export slot while it reads. */
export async function propositionExport(
  actor: Actor,
  format: Extract<ExportFormat, "claimreview" | "markdown">,
  scope: ExportScope,
  baseUrl: string,
): Promise<Response> {
  const ws = await getDb().workspace.findUnique({ where: { id: actor.workspaceId }, select: { slug: true, name: true, countApprovedOnly: true } });
  if (!ws) throw new AppError("not_found", "Workspace not found", undefined, { key: "errors.workspaceNotFound" });
  const release = takeExportSlot(actor.workspaceId);
  const propositions = await exportPropositions(actor, scope).finally(release);
  const stamp = new Date().toISOString().slice(0, 10);
  const label = await exportScopeLabel(actor, scope);
  const name = [foldedTitle(ws.name), format === "markdown" ? "claim-report" : "claimreview", label, stamp].filter(Boolean).join("-");
  if (format === "claimreview") {
    const reviews = propositions
      .map((p) => claimReview(p, { baseUrl, slug: ws.slug, publisherName: ws.name, publisherUrl: `${baseUrl}/w/${ws.slug}` }))
      .filter((r) => r !== null);
    return new Response(JSON.stringify(reviews, null, 2), {
      headers: { "content-type": "application/ld+json; charset=utf-8", "content-disposition": `attachment; filename="${name}.jsonld"` },
    });
  }
  const body = markdownReport({
    title: `Claim report: ${ws.name}`,
    generatedAt: new Date().toISOString(),
    workspace: ws.name,
    counting: countingSentence(ws.countApprovedOnly),
    propositions,
    matrix: reportMatrix(propositions),
  });
  return new Response(body, { headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${name}.md"` } });
}
