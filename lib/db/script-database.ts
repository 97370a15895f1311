import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DATABASE, embeddedUrl, startEmbeddedPostgres } from "@/lib/db/embedded";

export type ScriptDatabaseOptions = {
  /** DATABASE_URL, when one is configured. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  /** Refuse (rather than create) an embedded database that was never started. */
  mustExist: boolean;
  log: (message: string) => void;
};

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Run `fn` against the database a command-line script works on: DATABASE_URL when set; else the
 * embedded server, the running app's (`npm start`) or, when the app is stopped, one started for
 * the script and stopped after it.
 */
export async function withScriptDatabase<T>(opts: ScriptDatabaseOptions, fn: (url: string) => Promise<T>): Promise<T> {
  if (opts.databaseUrl) return fn(opts.databaseUrl);
  const url = embeddedUrl(opts.port, EMBEDDED_DATABASE);
  if (await answers(url)) {
    opts.log(`using the embedded PostgreSQL of the running app (port ${opts.port})`);
    return fn(url);
  }
  const dir = path.join(opts.dataDir, "pg");
  if (opts.mustExist && !fs.existsSync(path.join(dir, "PG_VERSION"))) {
    throw new Error(`no database in ${dir}: start the app once (npm start), or set DATABASE_URL`);
  }
  opts.log(`starting the embedded PostgreSQL (data in ${dir}, port ${opts.port})`);
  const db = await startEmbeddedPostgres({ dir, port: opts.port, database: EMBEDDED_DATABASE });
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}
