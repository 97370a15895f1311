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

/** Log a statement that took `ms` (DATABASE_SLOW_MS): its duration and its first words. */
function logSlow(ms: number, text: string) {
  console.warn(`[db] slow statement: ${ms.toFixed(0)} ms: ${text.replace(/\s+/g, " ").trim().slice(0, 200)}`);
}

/**
 * Record every statement each client of `pool` sends while a `countQueries` scope is active, and
 * log those slower than `slowMs` when it is set. Outside a scope and without `slowMs` it only reads
 * an AsyncLocalStorage slot, so it costs nothing in production.
 */
export function countQueriesOn(pool: pg.Pool, slowMs?: number): pg.Pool {
  pool.on("connect", (client) => {
    const query = client.query;
    client.query = function countedQuery(this: pg.PoolClient, ...args: unknown[]) {
      scope.getStore()?.statements.push(statementText(args[0]));
      const send = query as (...a: unknown[]) => unknown;
      if (slowMs === undefined) return send.apply(this, args);
      const started = performance.now();
      const timed = (): void => {
        const ms = performance.now() - started;
        if (ms >= slowMs) logSlow(ms, statementText(args[0]));
      };
      // The pool's own queries (pool.query) pass a callback; a client's are answered by a promise.
      const last = args.at(-1);
      if (typeof last === "function") {
        return send.apply(this, [
          ...args.slice(0, -1),
          (...result: unknown[]) => {
            timed();
            return (last as (...r: unknown[]) => unknown)(...result);
          },
        ]);
      }
      const sent = send.apply(this, args);
      if (sent instanceof Promise) sent.then(timed, timed);
      return sent;
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
