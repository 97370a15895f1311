import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { countQueriesOn } from "@/lib/db/query-count";
import { databaseUrl, env } from "@/lib/env";

// One client per process; Next.js dev reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  // Our own pool, so the no-N+1 tests can count the statements it sends (lib/db/query-count.ts).
  const pool = recordConnections(countQueriesOn(new pg.Pool({ connectionString: url, max: env.DATABASE_POOL_SIZE }), env.DATABASE_SLOW_MS));
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

/** Where a transaction begun inside `connectionScope` notes the pooled connection it was given. */
type ConnectionHolder = { client?: pg.PoolClient };
// On globalThis, as the client is: a production build can hold this module more than once (one
// copy per server chunk), and the copy that made the pool must note into the scope the others read.
const globalScopes = globalThis as unknown as { claimsConnectionScope?: AsyncLocalStorage<ConnectionHolder> };
globalScopes.claimsConnectionScope ??= new AsyncLocalStorage<ConnectionHolder>();
const connectionScope = globalScopes.claimsConnectionScope;

/**
 * Note, in the current `connectionScope`, the connection the pool hands out: the adapter takes
 * one per transaction, and a snapshot reads its export cursor on it directly (see `snapshotConnection`).
 */
function recordConnections(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((...args: unknown[]) => {
    // The callback form is the pool's own (pool.query): never a transaction's.
    if (args.length > 0) return connect(...args);
    const holder = connectionScope.getStore();
    const pending = connect() as Promise<pg.PoolClient>;
    if (!holder) return pending;
    return pending.then((client) => {
      holder.client ??= client;
      return client;
    });
  }) as typeof pool.connect;
  return pool;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// The read-only snapshot transaction (lib/db/snapshot.ts) that the current async call chain runs
// in, and the pooled connection it runs on.
const snapshotScope = new AsyncLocalStorage<{ tx: Tx; connection: pg.PoolClient | undefined }>();

/**
 * The database client. Inside `inSnapshot`/`readSnapshot` it is that snapshot's transaction, so
 * helpers that call getDb() read the same snapshot without being handed a client; such a scope
 * only reads, and has no `$transaction` of its own.
 */
export function getDb(): PrismaClient {
  const snapshot = snapshotScope.getStore();
  if (snapshot) return snapshot.tx as PrismaClient;
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/** The snapshot transaction the caller runs in, if any (for lib/db/snapshot.ts). */
export function currentSnapshot(): Tx | undefined {
  return snapshotScope.getStore()?.tx;
}

/**
 * The pooled connection the current snapshot runs on, for a read too large to go through the
 * client's row mapping (an export's cursor, lib/server/exports.ts): statements sent on it are in the
 * snapshot's transaction. Undefined outside a snapshot.
 */
export function snapshotConnection(): pg.PoolClient | undefined {
  return snapshotScope.getStore()?.connection;
}

/**
 * Run `begin` (which starts one transaction) noting the connection the pool gives it, for
 * `withSnapshot` (lib/db/snapshot.ts).
 */
export function noteConnection<T>(begin: (connection: () => pg.PoolClient | undefined) => Promise<T>): Promise<T> {
  const holder: ConnectionHolder = {};
  return connectionScope.run(holder, () => begin(() => holder.client));
}

/**
 * Run `fn` with getDb() answering `tx` (for lib/db/snapshot.ts), on `connection` if known (the
 * current snapshot's when `tx` is that snapshot).
 */
export function withSnapshot<T>(tx: Tx, fn: () => T, connection?: pg.PoolClient): T {
  const current = snapshotScope.getStore();
  return snapshotScope.run({ tx, connection: connection ?? (current?.tx === tx ? current.connection : undefined) }, fn);
}
