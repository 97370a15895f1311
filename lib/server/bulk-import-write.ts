import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { reportErrors, type BulkError, type JsonlKind } from "@/lib/domain/import-jsonl";
import { AppError } from "@/lib/server/errors";

// What every bulk writer shares: the all-or-nothing transaction, its error, chunked inserts, audit rows.

// One file, one transaction: long enough for 5,000 lines, bounded so a stuck import frees its connection.
const TX_OPTIONS = { timeout: 120_000, maxWait: 10_000 };
// Rows per INSERT, well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 1000;

export type BulkImportResult = {
  fileName: string;
  kind: JsonlKind;
  articles: { id: string; title: string; passages: number }[];
  claims: number;
  /** Claims whose offsets did not match their quote and were placed by the quote instead. */
  reanchored: number;
  /** Speakers named by a W3C file and missing here, created as it said (entity or source). */
  createdSpeakers: string[];
};

/** Every problem of a file, as one error: the message counts them, details list them (first 100). */
export function invalidFile(fileName: string, errors: BulkError[]) {
  const report = reportErrors(errors);
  const n = errors.length;
  return new AppError(
    "validation",
    `${fileName}: ${n} problem${n === 1 ? "" : "s"} found, so nothing from this file was imported. Fix ${n === 1 ? "it" : "them"} and import the file again.`,
    {
      errors: report.errors,
      more: report.more,
    },
  );
}

// Two imports of the same article at once: the unique index decides; nothing of this file stays.
// (New sources and entities that both name are shared instead: lib/server/get-or-create.ts.)
export async function inTransaction<T>(fileName: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await getDb().$transaction(fn, TX_OPTIONS);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(
        "conflict",
        `${fileName}: someone else imported some of the same articles while this file was importing; nothing was imported. Import the file again to see which lines clash.`,
      );
    }
    throw err;
  }
}

/** A unique-index clash, from a Prisma call (P2002) or from raw SQL (P2010 carrying SQLSTATE 23505). */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e.code === "P2002" || e.meta?.code === "23505" || e.meta?.driverAdapterError?.cause?.originalCode === "23505";
}

export async function createInChunks<T>(rows: T[], create: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await create(rows.slice(i, i + CHUNK));
}

export type AuditRow = { workspaceId: string; actorId: string; action: string; entityType: string; entityId: string; after: object };
export const auditRow = (actor: Actor, action: string, entityType: string, entityId: string, after: unknown): AuditRow => ({
  workspaceId: actor.workspaceId,
  actorId: actor.userId,
  action,
  entityType,
  entityId,
  after: JSON.parse(JSON.stringify(after)) as object,
});
