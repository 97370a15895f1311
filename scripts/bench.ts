// `npm run bench`: issue 12's measurements against a production build on a fresh embedded
// PostgreSQL, each with its baseline in the same run, at 1×, 4× and 16× of a base workspace
// (16× = 10k articles, 200k passages, 100k claims, 5k propositions, 100 sources). Writes
// bench/results.json, bench/results.md and the table in README.md. Run by hand, not in `npm test`.
//   BENCH_SCALES=1,4   scales to run (default 1,4,16)
//   BENCH_BUILD=0      reuse an existing .next build (default: build)
//   BENCH_PORT, BENCH_PG_PORT   the app's and the database's ports (default 3311, 54381)
//   BENCH_ONLY=exports,search   run only these measurements (matrix, search, exports, selection,
//                               create, reanchor, import; default all), written to
//                               bench/results-partial.{json,md}, not the README
//   BENCH_TRACE=<file>   a Chromium performance trace of the selection drags
import os from "node:os";
import pg from "pg";
import { z } from "zod";
import { selectionBench } from "../bench/browser";
import { generate, sizesAt } from "../bench/generate";
import { bulkImportBench, type Ctx, claimCreate, exportsBench, matrix, reanchorBench, type Row, searchBench } from "../bench/measure";
import { writeResults } from "../bench/report";
import { newDesk, startBenchServer } from "../bench/server";

const cfg = z
  .object({
    BENCH_SCALES: z
      .string()
      .default("1,4,16")
      .transform((s) => s.split(",").map((x) => Number(x.trim())))
      .pipe(z.array(z.number().int().min(1).max(64)).min(1)),
    BENCH_BUILD: z.enum(["0", "1"]).default("1"),
    BENCH_PORT: z.coerce.number().int().min(1024).max(65535).default(3311),
    BENCH_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54381),
    BENCH_ONLY: z
      .string()
      .optional()
      .transform((s) => (s ? s.split(",").map((x) => x.trim()) : undefined))
      .pipe(
        z
          .array(z.enum(["matrix", "search", "exports", "selection", "create", "reanchor", "import"]))
          .min(1)
          .optional(),
      ),
  })
  .parse(process.env);

const steps = [
  ["matrix", matrix],
  ["search", searchBench],
  ["exports", exportsBench],
  ["selection", selectionBench],
  ["create", claimCreate],
  ["reanchor", reanchorBench],
  ["import", bulkImportBench],
] as const;

const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main() {
  const server = await startBenchServer({ port: cfg.BENCH_PORT, pgPort: cfg.BENCH_PG_PORT, build: cfg.BENCH_BUILD === "1", log });
  const stopOnSignal = () => void server.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  const rows: Row[] = [];
  const generated: Record<string, unknown> = {};
  const meta = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}` };
  try {
    for (const scale of cfg.BENCH_SCALES) {
      log(`scale ${scale}×: ${JSON.stringify(sizesAt(scale))}`);
      const { workspaceId, slug, token, cookie } = await newDesk(server.base, `bench-${scale}-${Date.now()}@bench.test`);
      const db = new pg.Client({ connectionString: server.dbUrl });
      await db.connect();
      const { rows: types } = await db.query<{ id: string }>(`SELECT id FROM "ClaimType" WHERE "workspaceId" = $1 ORDER BY position`, [workspaceId]);
      const { rows: owner } = await db.query<{ userId: string }>(`SELECT "userId" FROM "Membership" WHERE "workspaceId" = $1`, [workspaceId]);
      const claimTypeIds = types.map((t) => t.id);
      const gen = await generate(db, workspaceId, owner[0]!.userId, claimTypeIds, scale);
      await db.end();
      log(`generated in ${(gen.ms / 1000).toFixed(1)} s`);
      generated[`${scale}x`] = { sizes: gen.sizes, denseClaims: gen.dense.claims.length, generateSeconds: gen.ms / 1000 };
      const ctx: Ctx = { base: server.base, token, cookie, slug, ws: workspaceId, dbUrl: server.dbUrl, serverPid: server.pid, gen, claimTypeIds, log };
      // Reads first, on the data as generated; then the writes.
      for (const [name, step] of steps) {
        if (cfg.BENCH_ONLY && !cfg.BENCH_ONLY.includes(name)) continue;
        try {
          rows.push(...(await step(ctx, scale)));
        } catch (err) {
          log(`${step.name} failed: ${(err as Error).message}`);
          rows.push({
            scale,
            id: step.name,
            what: step.name,
            target: "",
            measured: null,
            unit: "",
            baseline: null,
            baselineWhat: "",
            ratio: null,
            met: false,
            note: `error: ${(err as Error).message.slice(0, 100)}`,
          });
        }
      }
      writeResults(rows, { scales: cfg.BENCH_SCALES, generated }, meta, Boolean(cfg.BENCH_ONLY));
    }
    console.log(`\n${writeResults(rows, { scales: cfg.BENCH_SCALES, generated }, meta, Boolean(cfg.BENCH_ONLY))}\n`);
    log(cfg.BENCH_ONLY ? "wrote bench/results-partial.json and .md" : "wrote bench/results.json, bench/results.md and the README table");
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[bench] ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
