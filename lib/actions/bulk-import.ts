"use server";

import { workspaceAction } from "@/lib/actions/define";
import type { Actor } from "@/lib/auth/membership";
import { formatBytes } from "@/lib/domain/import-decode";
import { MAX_BULK_BYTES } from "@/lib/domain/import-jsonl";
import { bulkImport } from "@/lib/server/bulk-import";
import { AppError } from "@/lib/server/errors";
import { previewHtmlImport, previewUrlImport } from "@/lib/server/web-page-import";

// The file arrives as multipart form data; refuse an oversized one before reading it into memory.
async function uploadedFile(formData: FormData) {
  const file = formData.get("file");
  if (!(file instanceof File) || !file.name) throw new AppError("bad_request", "Choose a file to import", { fields: { file: "Choose a file" } });
  if (file.size > MAX_BULK_BYTES)
    throw new AppError("too_large", `${file.name} is ${formatBytes(file.size, true)}; the limit is ${formatBytes(MAX_BULK_BYTES)}`);
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A .jsonl (articles or claims) or .json/.jsonld (W3C) file, imported all or nothing. */
export const bulkImportAction = workspaceAction(
  "articles.write",
  async (actor: Actor, formData: FormData) => bulkImport(actor, { ...(await uploadedFile(formData)), kind: formData.get("kind") ?? undefined }),
  { revalidate: true },
);

/** A saved .html/.htm page → the import wizard's preview (nothing is stored yet). */
export const previewHtmlAction = workspaceAction("articles.write", async (actor: Actor, formData: FormData) =>
  previewHtmlImport(actor, await uploadedFile(formData)),
);

/** A public web page fetched by the server → the import wizard's preview. */
export const previewUrlAction = workspaceAction("articles.write", async (actor: Actor, url: string) => previewUrlImport(actor, { url }));
