import { currentSnapshot, getDb, noteConnection, type Tx, withSnapshot } from "@/lib/db/client";

/**
 * How long one snapshot may stay open, in milliseconds: an export streams to a client that may
 * read slowly, and its transaction holds one pooled connection until it ends.
 */
export const SNAPSHOT_TIMEOUT_MS = 15 * 60_000;
/** How long to wait for a free pooled connection before giving up, in milliseconds. */
const SNAPSHOT_MAX_WAIT_MS = 10_000;

async function begin<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return noteConnection((connection) =>
    getDb().$transaction(
      async (tx) => {
        // The adapter has sent BEGIN and SET TRANSACTION ISOLATION LEVEL; no query has run yet.
        await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
        return withSnapshot(tx, () => fn(tx), connection());
      },
      { isolationLevel: "RepeatableRead", timeout: SNAPSHOT_TIMEOUT_MS, maxWait: SNAPSHOT_MAX_WAIT_MS },
    ),
  );
}

/** Run `fn` in one REPEATABLE READ, READ ONLY transaction: every getDb() read in it sees the same snapshot. */
export async function readSnapshot<T>(fn: () => Promise<T>): Promise<T> {
  if (currentSnapshot()) return fn();
  return begin(() => fn());
}

/** A one-place mailbox: `receive` waits for the next `send`; sends made while nobody waits queue up. */
function mailbox<T>() {
  const queued: T[] = [];
  let waiting: ((v: T) => void) | undefined;
  return {
    send(v: T) {
      const w = waiting;
      waiting = undefined;
      if (w) w(v);
      else queued.push(v);
    },
    receive(): Promise<T> {
      if (queued.length > 0) return Promise.resolve(queued.shift() as T);
      return new Promise<T>((resolve) => {
        waiting = resolve;
      });
    },
  };
}

type Delivery<T> = { ok: true; result: IteratorResult<T> } | { ok: false; error: unknown };

/**
 * Iterate `source` inside one REPEATABLE READ, READ ONLY transaction, so a long, batched read
 * (an export) sees the database as it was when it began, whatever is written meanwhile. The
 * transaction opens on the first `next()`; `source` is asked for an item only when the consumer
 * asks, never ahead, so memory stays as flat as `source` keeps it. Stopping early (`return()`, a
 * cancelled stream) ends the transaction.
 */
export async function* inSnapshot<T>(source: () => AsyncIterable<T>): AsyncGenerator<T> {
  if (currentSnapshot()) {
    yield* source();
    return;
  }
  const demand = mailbox<boolean>();
  const supply = mailbox<Delivery<T>>();
  const done = begin(async () => {
    const it = source()[Symbol.asyncIterator]();
    try {
      while (await demand.receive()) {
        const result = await it.next();
        supply.send({ ok: true, result });
        if (result.done) return;
      }
      await it.return?.();
    } catch (error) {
      supply.send({ ok: false, error });
    }
  }).catch((error: unknown) => {
    // BEGIN failed (no database), or the commit did: the consumer hears it on its next read.
    supply.send({ ok: false, error });
  });
  let finished = false;
  try {
    for (;;) {
      demand.send(true);
      const d = await supply.receive();
      if (!d.ok) {
        finished = true;
        throw d.error;
      }
      if (d.result.done) {
        finished = true;
        return;
      }
      yield d.result.value;
    }
  } finally {
    if (!finished) demand.send(false);
    await done;
  }
}
