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
  const pool = countQueriesOn(new pg.Pool({ connectionString: url, max: env.DATABASE_POOL_SIZE }));
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// The read-only snapshot transaction (lib/db/snapshot.ts) that the current async call chain runs in.
const snapshotScope = new AsyncLocalStorage<Tx>();

/**
 * The database client. Inside `inSnapshot`/`readSnapshot` it is that snapshot's transaction, so
 * helpers that call getDb() read the same snapshot without being handed a client; such a scope
 * only reads, and has no `$transaction` of its own.
 */
export function getDb(): PrismaClient {
  const snapshot = snapshotScope.getStore();
  if (snapshot) return snapshot as PrismaClient;
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/** The snapshot transaction the caller runs in, if any (for lib/db/snapshot.ts). */
export function currentSnapshot(): Tx | undefined {
  return snapshotScope.getStore();
}

/** Run `fn` with getDb() answering `tx` (for lib/db/snapshot.ts). */
export function withSnapshot<T>(tx: Tx, fn: () => T): T {
  return snapshotScope.run(tx, fn);
}
