// A real embedded PostgreSQL killed with SIGKILL comes back by itself, with its data, and stops for good when asked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { watchdog } from "@/lib/db/watchdog";

const PORT = 54391;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claims-watchdog-"));
// Run as root, the server runs as the `postgres` user, which must reach its folder.
fs.chmodSync(dir, 0o755);
const options = { dir: path.join(dir, "pg"), port: PORT, database: "watched" };

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL watchdog", () => {
  const pids: (number | undefined)[] = [];
  afterAll(() => {
    for (const pid of pids) if (alive(pid)) process.kill(pid!, "SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restarts a server killed with SIGKILL within seconds, keeps its data, and leaves nothing running after stop", async () => {
    const first = await startEmbeddedPostgres(options);
    pids.push(first.pid);
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before the crash')");
    const logs: string[] = [];
    const dog = watchdog<EmbeddedDatabase>(first, {
      name: "PostgreSQL",
      restart: () => startEmbeddedPostgres(options),
      log: (m) => logs.push(m),
      onRestart: (db) => pids.push(db.pid),
      minDelayMs: 200,
    });

    const killedAt = Date.now();
    process.kill(first.pid!, "SIGKILL");
    await first.exited;
    let rows: unknown[] | undefined;
    while (!rows && Date.now() - killedAt < 15_000) {
      rows = await query(first.url, "SELECT note FROM kept").catch(() => undefined);
      if (!rows) await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows, logs.join("\n")).toEqual([{ note: "before the crash" }]);
    expect(dog.restarts()).toBe(1);
    expect(logs[0]).toBe("PostgreSQL stopped unexpectedly (killed by SIGKILL)");
    const second = dog.current();
    expect(second?.pid).not.toBe(first.pid);

    const stoppingAt = Date.now();
    await dog.stop();
    expect(Date.now() - stoppingAt).toBeLessThan(5000);
    expect(alive(second?.pid)).toBe(false);
    await expect(query(first.url, "SELECT 1")).rejects.toThrow();
  }, 30_000);
});
