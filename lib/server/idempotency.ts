import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

// Creates a client may repeat (a retry after a timeout, a double click) carry a key the client
// made; the first request with a key runs, later ones with the same key and the same request get
// its answer again. Keys are per member of a workspace.

/** How long a key is remembered, in hours. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** How long a client should wait before retrying a request whose key is still running, in seconds. */
export const IDEMPOTENCY_RETRY_AFTER_SECONDS = 1;
// A reservation this old without an answer belongs to a request that died (a crash, a restart):
// longer than any transaction here may run, so a live request is never run twice.
const ABANDONED_AFTER_MINUTES = 10;
// Expired keys deleted per reservation, oldest first.
const PRUNE_BATCH = 100;
// Rounds of reserve-or-read before giving up: each lost round means another request released or
// expired the key in between, which cannot go on for long.
const MAX_ROUNDS = 20;
const POLL_MS = 100;

/** A create's answer as it is stored and replayed: its HTTP status and its JSON body. */
export type IdempotentAnswer = { status: number; body: Prisma.InputJsonValue };

/** The 409 for a key whose first request has not answered yet; the API adds Retry-After. */
export class IdempotencyKeyInFlight extends AppError {
  readonly retryAfterSeconds = IDEMPOTENCY_RETRY_AFTER_SECONDS;
  constructor() {
    super("conflict", "A request with this Idempotency-Key is still running; retry shortly");
  }
}

/** What a request is, for telling a retry from another request under the same key: sha-256 of its parts as JSON, object keys sorted. */
export function requestFingerprint(parts: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(sorted(parts)))
    .digest("hex");
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sorted(v)]),
  );
}

type Scope = { workspaceId: string; userId: string; key: string };
type StoredRow = { id: bigint; fingerprint: string; status: number | null; response: Prisma.JsonValue; expired: boolean; abandoned: boolean };

/**
 * Run `run` once for this member's `key`. The key is reserved first (its own statement, committed
 * at once, so parallel requests see it); then:
 * - reserved here: `run` answers; a 2xx answer is stored, anything else (or a throw) releases the
 *   key so the client can try again;
 * - the same request answered before: that answer again, with `replayed`;
 * - another request under this key: 422;
 * - the same request still running: waits up to `waitMs` for its answer, then 409 (IdempotencyKeyInFlight).
 * Keys older than IDEMPOTENCY_KEY_TTL_HOURS count as unused, and are pruned as new ones come.
 */
export async function withIdempotency(
  actor: Pick<Actor, "workspaceId" | "userId">,
  request: { key: string; fingerprint: string },
  run: () => Promise<IdempotentAnswer>,
  opts: { waitMs?: number } = {},
): Promise<IdempotentAnswer & { replayed: boolean }> {
  const scope = { workspaceId: actor.workspaceId, userId: actor.userId, key: request.key };
  const reserved = await reserve(scope, request.fingerprint, Date.now() + (opts.waitMs ?? 0));
  if ("replay" in reserved) return { ...reserved.replay, replayed: true };
  const db = getDb();
  let answer: IdempotentAnswer;
  try {
    answer = await run();
  } catch (err) {
    await release(reserved.id);
    throw err;
  }
  if (answer.status < 200 || answer.status > 299) {
    await release(reserved.id);
    return { ...answer, replayed: false };
  }
  try {
    await db.idempotencyKey.update({ where: { id: reserved.id }, data: { status: answer.status, response: answer.body } });
  } catch (err) {
    // The create is done: answer it. A retry is told "still running" until the reservation counts as abandoned.
    console.error("[idempotency] could not store the answer", err);
  }
  return { ...answer, replayed: false };
}

async function reserve(scope: Scope, fingerprint: string, waitUntil: number): Promise<{ id: bigint } | { replay: IdempotentAnswer }> {
  const db = getDb();
  for (let round = 0; round < MAX_ROUNDS; ) {
    // createdAt from the database's clock, like every age compared below.
    const [mine] = await db.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "IdempotencyKey" ("workspaceId", "userId", key, fingerprint)
      VALUES (${scope.workspaceId}::uuid, ${scope.userId}::uuid, ${scope.key}, ${fingerprint})
      ON CONFLICT ("workspaceId", "userId", key) DO NOTHING RETURNING id`;
    if (mine) {
      await pruneExpired();
      return mine;
    }
    const [row] = await db.$queryRaw<StoredRow[]>`
      SELECT id, fingerprint, status, response,
        "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS}::int) AS expired,
        status IS NULL AND "createdAt" < now() - make_interval(mins => ${ABANDONED_AFTER_MINUTES}::int) AS abandoned
      FROM "IdempotencyKey"
      WHERE "workspaceId" = ${scope.workspaceId}::uuid AND "userId" = ${scope.userId}::uuid AND key = ${scope.key}`;
    if (!row) {
      // Released by a failed first attempt since the insert: try to reserve it again.
      round += 1;
      continue;
    }
    if (row.expired) {
      await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE id = ${row.id} AND "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS}::int)`;
      round += 1;
      continue;
    }
    if (row.fingerprint !== fingerprint) throw new AppError("validation", "This Idempotency-Key was used for a different request");
    if (row.status !== null) return { replay: { status: row.status, body: row.response as Prisma.InputJsonValue } };
    if (row.abandoned) {
      const taken = await db.$executeRaw`
        UPDATE "IdempotencyKey" SET "createdAt" = now()
        WHERE id = ${row.id} AND status IS NULL AND "createdAt" < now() - make_interval(mins => ${ABANDONED_AFTER_MINUTES}::int)`;
      if (taken === 1) return { id: row.id };
      round += 1;
      continue;
    }
    if (Date.now() >= waitUntil) throw new IdempotencyKeyInFlight();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new IdempotencyKeyInFlight();
}

// A failed attempt frees its key. If even that fails, the reservation is reclaimed once abandoned.
async function release(id: bigint) {
  await getDb()
    .idempotencyKey.deleteMany({ where: { id, status: null } })
    .catch((err: unknown) => console.error("[idempotency] could not release a key", err));
}

// SKIP LOCKED: two requests pruning at once take different rows instead of waiting on each other.
async function pruneExpired() {
  await getDb().$executeRaw`
    DELETE FROM "IdempotencyKey" WHERE id IN (
      SELECT id FROM "IdempotencyKey" WHERE "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS}::int)
      ORDER BY "createdAt" LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`;
}
