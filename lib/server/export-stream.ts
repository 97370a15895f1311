import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { csvHeader, csvRows } from "@/lib/domain/export/csv";
import { jsonlLine } from "@/lib/domain/export/jsonl";
import type { ExportMention } from "@/lib/domain/export/records";
import { annotationCollectionFooter, annotationCollectionHeader, annotationCollectionItem } from "@/lib/domain/export/web-annotation";
import { AppError } from "@/lib/server/errors";
import { takeExportSlot } from "@/lib/server/export-limit";
import { exportMentionBatches, exportScopeLabel, foldedTitle } from "@/lib/server/exports";
import type { ExportFormat, ExportScope } from "@/lib/validation/exports";

type Chunks = AsyncGenerator<string>;

/**
 * A streamed HTTP response from string chunks: the body is written as the database is read.
 * `close` releases what the chunks read from (it runs when the download is cancelled or fails).
 */
export function streamResponse(chunks: Chunks, contentType: string, filename: string, close: () => Promise<unknown> = async () => {}): Response {
  const encoder = new TextEncoder();
  // A download cancelled while a batch is being read: that read still ends, and must not write.
  let cancelled = false;
  // Pull-based with the default high-water mark of one chunk: the next batch is read only when the
  // client has taken the previous one, so a slow reader holds one batch in memory, not the export.
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (cancelled) return;
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        if (cancelled) return;
        console.error(err);
        controller.error(err);
        await close();
      }
    },
    async cancel() {
      cancelled = true;
      await chunks.return(undefined);
      // `chunks` may not have started (cancelled before the first read): close the source itself.
      await close();
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

/**
 * Start reading: the first batch is read here, before any status is sent, so a query that fails
 * (the database is down, a filter it cannot use) is still answered as a JSON error, not a 200
 * whose file stops after its header.
 */
async function openBatches(batches: AsyncGenerator<ExportMention[]>): Promise<AsyncGenerator<ExportMention[]>> {
  const first = await batches.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* batches;
  })();
}

/**
 * The file as chunks: its head, then one chunk per batch of records (not per record), then its
 * foot; `release` runs when the file ends, fails or is given up.
 */
async function* batchChunks(
  batches: AsyncGenerator<ExportMention[]>,
  head: string,
  item: (m: ExportMention, i: number) => string,
  foot: string,
  release: () => void,
): Chunks {
  try {
    if (head) yield head;
    let i = 0;
    for await (const batch of batches) {
      let chunk = "";
      for (const m of batch) chunk += item(m, i++);
      yield chunk;
    }
    if (foot) yield foot;
  } finally {
    release();
  }
}

/**
 * The streaming exports (one record per claim mention): CSV, JSON Lines, W3C Web Annotation. Each
 * holds an export slot (lib/server/export-limit.ts) until its file ends or is given up.
 */
export async function mentionExport(
  actor: Actor,
  format: Extract<ExportFormat, "csv" | "jsonl" | "w3c">,
  scope: ExportScope,
  baseUrl: string,
): Promise<Response> {
  const release = takeExportSlot(actor.workspaceId);
  try {
    return await streamMentions(actor, format, scope, baseUrl, release);
  } catch (err) {
    release();
    throw err;
  }
}

async function streamMentions(
  actor: Actor,
  format: Extract<ExportFormat, "csv" | "jsonl" | "w3c">,
  scope: ExportScope,
  baseUrl: string,
  release: () => void,
): Promise<Response> {
  const ws = await getDb().workspace.findUnique({ where: { id: actor.workspaceId }, select: { slug: true, name: true } });
  if (!ws) throw new AppError("not_found", "Workspace not found", undefined, { key: "errors.workspaceNotFound" });
  const stamp = new Date().toISOString().slice(0, 10);
  const label = await exportScopeLabel(actor, scope);
  const name = [foldedTitle(ws.name), "claims", label, stamp].filter(Boolean).join("-");
  const source = exportMentionBatches(actor, scope);
  const mentions = await openBatches(source);
  // A download cancelled before its first chunk never enters batchChunks: release here too.
  const close = () => source.return(undefined).finally(release);
  if (format === "csv")
    return streamResponse(
      batchChunks(mentions, csvHeader({ bom: true }), (m) => csvRows(m), "", release),
      "text/csv; charset=utf-8",
      `${name}.csv`,
      close,
    );
  if (format === "jsonl")
    return streamResponse(
      batchChunks(mentions, "", (m) => jsonlLine(m), "", release),
      "application/x-ndjson; charset=utf-8",
      `${name}.jsonl`,
      close,
    );
  const options = { baseUrl, workspaceSlug: ws.slug, workspaceId: actor.workspaceId };
  const head = annotationCollectionHeader({
    id: `${baseUrl}/api/v1/workspaces/${actor.workspaceId}/exports/w3c`,
    label: `Claims from ${ws.name}`,
    created: new Date().toISOString(),
  });
  return streamResponse(
    batchChunks(mentions, head, (m, i) => annotationCollectionItem(m, options, i), annotationCollectionFooter(), release),
    'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    `${name}.jsonld`,
    close,
  );
}
