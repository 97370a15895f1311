import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { decodeBulkFile, detectJsonlKind, readClaimLine, readJsonLines, MAX_BULK_BYTES, MAX_BULK_LINES, type ClaimDraft } from "@/lib/domain/import-jsonl";
import { readWebAnnotations } from "@/lib/domain/import-w3c";
import { importArticleLines } from "@/lib/server/bulk-import-articles";
import { importClaims } from "@/lib/server/bulk-import-claims";
import { invalidFile, type BulkImportResult } from "@/lib/server/bulk-import-write";
import { AppError } from "@/lib/server/errors";

export type { BulkImportResult } from "@/lib/server/bulk-import-write";

export const BULK_KINDS = ["auto", "articles", "claims", "web-annotations"] as const;

const bulkInputSchema = z.object({
  fileName: z.string().trim().min(1, "The file has no name").max(255),
  bytes: z.instanceof(Uint8Array),
  kind: z.enum(BULK_KINDS).default("auto"),
});

/**
 * Imports one bulk file (JSONL articles or claims, W3C Web Annotations) all or nothing: every
 * line is checked against the file and the workspace first; any problem and nothing is written,
 * and the error lists every problem with its line. A valid file is written in one transaction.
 */
export async function bulkImport(actor: Actor, input: unknown): Promise<BulkImportResult> {
  assertCan(actor, "articles.write");
  const { fileName, bytes, kind: requested } = bulkInputSchema.parse(input);
  const lower = fileName.toLowerCase();
  const isJson = lower.endsWith(".json") || lower.endsWith(".jsonld");
  if (!isJson && !lower.endsWith(".jsonl") && !lower.endsWith(".ndjson")) {
    throw new AppError("bad_request", `${fileName}: bulk import takes .jsonl files (articles or claims) or .json/.jsonld W3C Web Annotation files`);
  }
  if (isJson && (requested === "articles" || requested === "claims")) {
    throw new AppError("bad_request", `${fileName}: a .json file is read as W3C Web Annotations; put ${requested} one per line in a .jsonl file`);
  }
  const decoded = decodeBulkFile(fileName, bytes);
  if (!decoded.ok) throw new AppError(bytes.length > MAX_BULK_BYTES ? "too_large" : "bad_request", decoded.error);

  if (isJson || requested === "web-annotations") return importWebAnnotations(actor, fileName, decoded.text);
  const { lines, errors, tooMany } = readJsonLines(decoded.text);
  if (tooMany !== null) throw tooManyLines(fileName, tooMany);
  const kind = requested === "auto" ? lines.map((l) => detectJsonlKind(l.value)).find((k) => k !== null) : requested;
  if (kind === undefined) {
    if (errors.length) throw invalidFile(fileName, errors);
    throw new AppError(
      "bad_request",
      `${fileName}: cannot tell whether the lines are articles (with "text") or claims (with "passage", "start", "end", "claimType"); choose the kind`,
    );
  }
  if (kind === "web-annotations") return importWebAnnotations(actor, fileName, decoded.text);
  if (kind === "articles") return importArticleLines(actor, fileName, lines, errors);
  const drafts: ClaimDraft[] = [];
  for (const { line, value } of lines) {
    const r = readClaimLine(line, value);
    if (r.ok) drafts.push(r.draft);
    else errors.push(...r.errors);
  }
  return importClaims(actor, fileName, "claims", drafts, errors);
}

async function importWebAnnotations(actor: Actor, fileName: string, text: string) {
  const { drafts, errors, tooMany } = readWebAnnotations(text);
  if (tooMany !== null) throw tooManyLines(fileName, tooMany, "annotations");
  return importClaims(actor, fileName, "web-annotations", drafts, errors);
}

function tooManyLines(fileName: string, count: number, unit: "lines" | "annotations" = "lines") {
  const [n, max] = [count.toLocaleString("en"), MAX_BULK_LINES.toLocaleString("en")];
  return new AppError(
    "too_large",
    unit === "lines"
      ? `${fileName} has ${n} lines; the limit is ${max} per file. Split it into smaller files.`
      : `${fileName} has ${n} annotations; the limit is ${max} per file. Split it into smaller files.`,
  );
}
