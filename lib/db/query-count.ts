import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";

/** The SQL statements sent to PostgreSQL inside one `countQueries` scope, in order. */
export type QueryLog = { statements: string[] };

const scope = new AsyncLocalStorage<QueryLog>();

function statementText(config: unknown): string {
  if (typeof config === "string") return config;
  if (config && typeof config === "object" && "text" in config && typeof config.text === "string") return config.text;
  return "(unknown statement)";
}

/**
 * Record every statement each client of `pool` sends while a `countQueries` scope is active.
 * Outside a scope it only reads an AsyncLocalStorage slot, so it costs nothing in production.
 */
export function countQueriesOn(pool: pg.Pool): pg.Pool {
  pool.on("connect", (client) => {
    const query = client.query;
    client.query = function countedQuery(this: pg.PoolClient, ...args: unknown[]) {
      scope.getStore()?.statements.push(statementText(args[0]));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof client.query;
  });
  return pool;
}

/** Run `fn` and answer its result with the statements it sent through the app's database pool. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const log: QueryLog = { statements: [] };
  const result = await scope.run(log, fn);
  return { result, count: log.statements.length, statements: log.statements };
}
