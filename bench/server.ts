// The bench's server: a production build (`next build`), a fresh embedded PostgreSQL with the
// migrations applied, and `next start` on it, the way scripts/start.ts runs the app.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { signUpThroughForm } from "../scripts/form-sign-up";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

export type BenchServer = { base: string; dbUrl: string; pid: number; logFile: string; stop: () => Promise<void> };

export async function startBenchServer(opts: { port: number; pgPort: number; build: boolean; log: (m: string) => void }): Promise<BenchServer> {
  const { log } = opts;
  if (opts.build || !fs.existsSync(".next/BUILD_ID")) {
    log("building the app (next build)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  } else {
    log(`reusing the build of ${fs.statSync(".next/BUILD_ID").mtime.toISOString()} (BENCH_BUILD=1 rebuilds)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claims-bench-"));
  // The embedded server may run as the `postgres` user (when we are root): it must reach its folder.
  fs.chmodSync(dir, 0o755);
  const db: EmbeddedDatabase = await startEmbeddedPostgres({
    dir: path.join(dir, "pg"),
    port: opts.pgPort,
    database: "bench",
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
    child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(opts.port)], {
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

/** Resident set of `pid` and its descendants in MB (Linux /proc). */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      kb += Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

/** A new account (through the sign-up form's server action, as soak does), its workspace and an OWNER API token. */
export async function newDesk(base: string, email: string): Promise<{ workspaceId: string; slug: string; token: string; cookie: string }> {
  const cookie = await signUp(base, email);
  const session = async (p: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${p}`, { ...init, headers: { cookie, origin: base, "content-type": "application/json", ...init.headers } });
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const ws = ((await session("/api/v1/workspaces")) as { items: { id: string; slug: string }[] }).items[0];
  if (!ws) throw new Error("the new account has no workspace");
  const { token } = (await session("/api/v1/tokens", { method: "POST", body: JSON.stringify({ workspaceId: ws.id, name: "bench", role: "OWNER" }) })) as {
    token: string;
  };
  return { workspaceId: ws.id, slug: ws.slug, token, cookie };
}

const signUp = (base: string, email: string) => signUpThroughForm(base, { name: "Bench Desk", email, password: "bench-password-1" });
