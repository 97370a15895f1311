// A production build (`next build`, unless one exists and no rebuild is asked for) served by
// `next start` on a fresh embedded PostgreSQL with the migrations applied, the way
// scripts/start.ts runs the app: what the soak test and the benchmark measure.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

export type ProductionServer = { base: string; dbUrl: string; pid: number; logFile: string; stop: () => Promise<void> };

export type ProductionServerOptions = {
  port: number;
  pgPort: number;
  /** Database name and temporary-folder tag ("bench", "soak"). */
  name: string;
  /** Build even when a build exists. */
  build: boolean;
  /** How to ask for a rebuild, for the log ("BENCH_BUILD=1"). */
  rebuildHint: string;
  log: (m: string) => void;
};

export async function startProductionServer(opts: ProductionServerOptions): Promise<ProductionServer> {
  const { log } = opts;
  if (opts.build || !fs.existsSync(".next/BUILD_ID")) {
    log("building the app (next build)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  } else {
    log(`reusing the build of ${fs.statSync(".next/BUILD_ID").mtime.toISOString()} (${opts.rebuildHint} rebuilds)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claims-${opts.name}-`));
  // The embedded server may run as the `postgres` user (when we are root): it must reach its folder.
  fs.chmodSync(dir, 0o755);
  const db: EmbeddedDatabase = await startEmbeddedPostgres({
    dir: path.join(dir, "pg"),
    port: opts.pgPort,
    database: opts.name,
    fresh: true,
    log: (l) => log(`postgres: ${l}`),
  });
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await db.stop().catch(() => {});
    fs.rmSync(path.join(dir, "pg"), { recursive: true, force: true });
  };
  try {
    await applyMigrations(db.url);
    const logFile = path.join(dir, "server.log");
    const out = fs.openSync(logFile, "a");
    const base = `http://127.0.0.1:${opts.port}`;
    // SERVER_CPU_PROF=<dir>: write the server's CPU profile there when it stops (to find where a measurement's time goes).
    const profile = process.env.SERVER_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SERVER_CPU_PROF}`] : [];
    child = spawn(process.execPath, [...profile, NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(opts.port)], {
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        PORT: String(opts.port),
        DATABASE_URL: db.url,
        AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        AUTH_TRUST_HOST: "true",
        NODE_ENV: "production",
      },
    });
    for (let i = 0; i < 240 && child.exitCode === null; i++) {
      const up = await fetch(`${base}/login`).then(
        (r) => r.ok,
        () => false,
      );
      if (up && child.pid) {
        log(`server ${base} (pid ${child.pid}, database on port ${opts.pgPort}, log ${logFile})`);
        return { base, dbUrl: db.url, pid: child.pid, logFile, stop };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the server did not start; see ${logFile}`);
  } catch (err) {
    await stop();
    throw err;
  }
}
