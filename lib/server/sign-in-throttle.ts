import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * One failure counter (a `SignInThrottle` row). The first `failures` attempts in a window are
 * evaluated freely. After that, a "quiet" counter makes each further attempt wait
 * `DELAY.firstMs · 2^(n − failures)` (at most `DELAY.maxMs`) after the previous one, and forgets
 * the count `windowMs` after its last evaluated attempt; a "fixed" counter refuses until its
 * window, counted from the first attempt, is over.
 */
export type ThrottleRule = { key: string; failures: number; windowMs: number; window: "quiet" | "fixed" };

/** Progressive delay between attempts once a counter is past its free attempts, in ms. */
export const DELAY = { firstMs: 1_000, maxMs: 60_000 } as const;

export type Reservation = { allowed: true } | { allowed: false; retryAfterMs: number };

// Thrown inside the transaction so that the counters already incremented are rolled back.
class Refused extends Error {
  constructor(readonly retryAfterMs: number) {
    super("refused");
  }
}

/**
 * Reserve one attempt on every counter, all or none, before the password is looked at: each
 * counter's single upsert both counts the attempt and says whether it may be evaluated, under the
 * row lock, so parallel attempts cannot all pass a check made before any of them counted
 * (ASVS 4.0.3 V2.2.1). A refused attempt changes nothing, so hammering does not lengthen a delay.
 * Rows are locked in key order (so concurrent reservations queue instead of deadlocking);
 * the one shared row, "global", sorts last and is held the shortest.
 */
export async function reserveAttempt(rules: readonly ThrottleRule[], nowMs: number): Promise<Reservation> {
  const ordered = [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  try {
    await getDb().$transaction(
      async (tx) => {
        for (const rule of ordered) {
          const admitted = await tx.$queryRaw<{ failures: number }[]>(upsert(rule, nowMs));
          if (admitted.length === 0) throw new Refused(await waitFor(tx, rule.key, nowMs));
        }
      },
      { maxWait: 10_000, timeout: 10_000 },
    );
    return { allowed: true };
  } catch (err) {
    if (err instanceof Refused) return { allowed: false, retryAfterMs: err.retryAfterMs };
    // Too busy to reserve (no connection or transaction in time): refuse rather than evaluate uncounted.
    if ((err as { code?: string })?.code === "P2028") return { allowed: false, retryAfterMs: DELAY.firstMs };
    throw err;
  }
}

/** After a right password: forget `reset`'s count, and take the reserved attempt back off the `refund` counters (it was no failure). */
export async function settleSuccess(reset: ThrottleRule, refund: readonly ThrottleRule[]): Promise<void> {
  const refundKeys = Prisma.join(refund.map((r) => r.key));
  await getDb().$executeRaw`
    WITH reset AS (DELETE FROM "SignInThrottle" WHERE "key" = ${reset.key})
    UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" IN (${refundKeys})`;
}

const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE_OLDER_THAN_MS = 24 * 3600_000;
let lastPruneMs = 0;

/** Delete counters idle for a day (unknown emails leave rows behind); at most every 10 minutes per process. */
export async function pruneThrottle(nowMs: number): Promise<void> {
  if (nowMs - lastPruneMs < PRUNE_EVERY_MS) return;
  lastPruneMs = nowMs;
  await getDb().$executeRaw`DELETE FROM "SignInThrottle" WHERE "updatedAt" < ${ts(nowMs - PRUNE_OLDER_THAN_MS)}`;
}

// Timestamps go in as UTC text: the columns are `timestamp without time zone` holding UTC, as Prisma writes them.
function ts(ms: number): Prisma.Sql {
  return Prisma.sql`(${new Date(ms).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** The upsert for one counter: returns its row when the attempt is counted and may be evaluated, nothing when refused. */
function upsert(rule: ThrottleRule, nowMs: number): Prisma.Sql {
  const now = ts(nowMs);
  const windowMs = Prisma.sql`make_interval(secs => ${rule.windowMs / 1000}::float8)`;
  const expired = rule.window === "fixed" ? Prisma.sql`${now} >= s."windowStart" + ${windowMs}` : Prisma.sql`${now} >= s."updatedAt" + ${windowMs}`;
  // When the attempt after the n-th evaluated one may be made (n = the count including this attempt).
  const waitUntil =
    rule.window === "fixed"
      ? Prisma.sql`s."windowStart" + ${windowMs}`
      : Prisma.sql`${now} + make_interval(secs => LEAST(${DELAY.maxMs}::float8, ${DELAY.firstMs}::float8 * power(2, s."failures" + 1 - ${rule.failures})) / 1000)`;
  const firstWaitUntil = rule.failures > 1 ? nowMs : rule.window === "fixed" ? nowMs + rule.windowMs : nowMs + DELAY.firstMs;
  return Prisma.sql`
    INSERT INTO "SignInThrottle" AS s ("key", "failures", "windowStart", "nextAllowedAt", "updatedAt")
    VALUES (${rule.key}, 1, ${now}, ${ts(firstWaitUntil)}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN ${expired} THEN 1 ELSE s."failures" + 1 END,
      "windowStart" = CASE WHEN ${expired} THEN ${now} ELSE s."windowStart" END,
      "nextAllowedAt" = CASE
        WHEN ${expired} THEN ${ts(firstWaitUntil)}
        WHEN s."failures" + 1 < ${rule.failures} THEN ${now}
        ELSE ${waitUntil}
      END,
      "updatedAt" = ${now}
    WHERE ${expired} OR s."failures" < ${rule.failures} OR ${now} >= s."nextAllowedAt"
    RETURNING s."failures"`;
}

async function waitFor(tx: Tx, key: string, nowMs: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ untilMs: number }[]>`
    SELECT (extract(epoch FROM "nextAllowedAt") * 1000)::float8 AS "untilMs" FROM "SignInThrottle" WHERE "key" = ${key}`;
  return Math.max(0, Math.round((row?.untilMs ?? nowMs) - nowMs));
}
