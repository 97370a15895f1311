import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { csvHeader, csvRows } from "@/lib/domain/export/csv";
import { jsonlLine } from "@/lib/domain/export/jsonl";
import type { ExportMention } from "@/lib/domain/export/records";
import { annotationCollectionFooter, annotationCollectionHeader, annotationCollectionItem } from "@/lib/domain/export/web-annotation";
import { AppError } from "@/lib/server/errors";
import { exportMentions, foldedTitle } from "@/lib/server/exports";
import type { ExportFormat, ExportScope } from "@/lib/validation/exports";

type Chunks = AsyncGenerator<string>;

/** A streamed HTTP response from string chunks: the body is written as the database is read. */
export function streamResponse(chunks: Chunks, contentType: string, filename: string): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        console.error(err);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

async function* mentionChunks(mentions: AsyncGenerator<ExportMention>, head: string, item: (m: ExportMention, i: number) => string, foot: string): Chunks {
  yield head;
  let i = 0;
  for await (const m of mentions) yield item(m, i++);
  yield foot;
}

/** The streaming exports (one record per claim mention): CSV, JSON Lines, W3C Web Annotation. */
export async function mentionExport(
  actor: Actor,
  format: Extract<ExportFormat, "csv" | "jsonl" | "w3c">,
  scope: ExportScope,
  baseUrl: string,
): Promise<Response> {
  const ws = await getDb().workspace.findUnique({ where: { id: actor.workspaceId }, select: { slug: true, name: true } });
  if (!ws) throw new AppError("not_found", "Workspace not found");
  const stamp = new Date().toISOString().slice(0, 10);
  const name = `${foldedTitle(ws.name)}-claims-${stamp}`;
  const mentions = exportMentions(actor, scope);
  if (format === "csv")
    return streamResponse(
      mentionChunks(mentions, csvHeader({ bom: true }), (m) => csvRows(m), ""),
      "text/csv; charset=utf-8",
      `${name}.csv`,
    );
  if (format === "jsonl")
    return streamResponse(
      mentionChunks(mentions, "", (m) => jsonlLine(m), ""),
      "application/x-ndjson; charset=utf-8",
      `${name}.jsonl`,
    );
  const options = { baseUrl, workspaceSlug: ws.slug, workspaceId: actor.workspaceId };
  const head = annotationCollectionHeader({
    id: `${baseUrl}/api/v1/workspaces/${actor.workspaceId}/exports/w3c`,
    label: `Claims from ${ws.name}`,
    created: new Date().toISOString(),
  });
  return streamResponse(
    mentionChunks(mentions, head, (m, i) => annotationCollectionItem(m, options, i), annotationCollectionFooter()),
    'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    `${name}.jsonld`,
  );
}
