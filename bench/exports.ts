// Export throughput, memory and fairness, measured against `COPY … TO STDOUT` in the same run.
//   npx tsx --conditions=react-server bench/exports.ts [claims=50000]
// Starts an embedded PostgreSQL (BENCH_PG_PORT, default 54387; data in BENCH_DIR, default
// /tmp/exports-bench), fills one workspace with SQL (claims, speakers, actors, origins, relays,
// propositions), then measures each export in a fresh child process: rows/s, peak RSS growth, and
// how long other work waits meanwhile (event-loop delay, a pooled query every 50 ms). Each child
// first exports one article, so the process is warm as a running server's is (BENCH_WARM=0: cold).
// BENCH_FORMATS=csv,w3c,jsonl chooses the exports; BENCH_CPU_PROF=<dir> writes a CPU profile of each.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";

const PORT = Number(process.env.BENCH_PG_PORT ?? 54387);
const DIR = process.env.BENCH_DIR ?? "/tmp/exports-bench";
const FORMATS = (process.env.BENCH_FORMATS ?? "csv,w3c,jsonl").split(",");

type Desk = { userId: string; workspaceId: string; claims: number };
type Result = {
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  rssGrowthMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
  probeP50Ms: number;
  probeMaxMs: number;
};

const log = (msg: string) => console.log(`[bench:exports] ${msg}`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

async function seed(url: string, claims: number): Promise<Desk> {
  process.env.DATABASE_URL = url;
  const { signUp } = await import("../lib/server/users");
  const { user, workspace } = await signUp({ name: "Bench desk", email: `bench-${Date.now()}@bench.local`, password: "bench-pass-123" });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const ws = workspace.id;
  const articles = Math.max(10, Math.round(claims / 100));
  const propositions = Math.max(5, Math.round(claims / 20));
  const started = Date.now();
  await c.query("BEGIN");
  await c.query(
    `INSERT INTO "Source" (id, "workspaceId", name, "normalizedName", kind)
     SELECT gen_random_uuid(), $1, 'Source ' || i, 'source ' || i, (ARRAY['OUTLET','WIRE_AGENCY','STATE_MEDIA']::"SourceKind"[])[1 + i % 3] FROM generate_series(1, 100) i`,
    [ws],
  );
  // Every tenth source relays the first one (a wire), so independence follows relays.
  await c.query(
    `UPDATE "Source" s SET "upstreamId" = (SELECT id FROM "Source" WHERE "workspaceId" = $1 AND name = 'Source 1') WHERE "workspaceId" = $1 AND name ~ '0$'`,
    [ws],
  );
  await c.query(
    `INSERT INTO "Entity" (id, "workspaceId", name, kind) SELECT gen_random_uuid(), $1, 'Entity ' || i, (ARRAY['PERSON','COUNTRY','ORGANIZATION']::"EntityKind"[])[1 + i % 3] FROM generate_series(1, 50) i`,
    [ws],
  );
  await c.query(
    `INSERT INTO "EntityAlias" (id, "workspaceId", "entityId", alias, "normalizedAlias") SELECT gen_random_uuid(), $1, id, name || ' alias', lower(name) || ' alias' FROM "Entity" WHERE "workspaceId" = $1`,
    [ws],
  );
  await c.query(
    `INSERT INTO "Article" (id, "workspaceId", "publisherId", title, url, "publishedAt", language, "contentHash", "updatedAt")
     SELECT gen_random_uuid(), $1, (SELECT id FROM "Source" WHERE "workspaceId" = $1 AND name = 'Source ' || (1 + i % 100)), 'Article ' || i || ' về Bình Nhưỡng',
            'https://news.example/a/' || i, DATE '2023-09-01' + (i % 400), 'vi', md5('a' || i), now()
     FROM generate_series(1, $2::int) i`,
    [ws, articles],
  );
  await c.query(
    `INSERT INTO "ArticleOrigin" ("workspaceId", "articleId", "sourceId", position)
     SELECT $1, a.id, s.id, 0 FROM "Article" a JOIN "Source" s ON s."workspaceId" = $1 AND s.name = 'Source ' || (1 + (abs(hashtext(a.id::text)) % 100))
     WHERE a."workspaceId" = $1 AND abs(hashtext(a.title)) % 2 = 0`,
    [ws],
  );
  await c.query(
    `INSERT INTO "Passage" (id, "workspaceId", "articleId", position, text, "searchText")
     SELECT gen_random_uuid(), $1, a.id, p, 'Wire says Pyongyang shipped "shells", officials said. 🚀 Đoạn ' || p, 'wire says pyongyang shipped shells'
     FROM "Article" a, generate_series(0, 3) p WHERE a."workspaceId" = $1`,
    [ws],
  );
  const type = await c.query(`SELECT id FROM "ClaimType" WHERE "workspaceId" = $1 ORDER BY position LIMIT 1`, [ws]);
  await c.query(
    `INSERT INTO "Annotation" (id, "workspaceId", "passageId", start, "end", exact, prefix, suffix, "claimTypeId", modality, actors, fields, note, status, "authorId", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, p.id, 10, 27, 'Pyongyang shipped', 'Wire says ', ' "shells"', $2,
            (ARRAY['ASSERTED','REPORTED','ALLEGED','DENIED']::"Modality"[])[1 + i % 4],
            CASE WHEN i % 5 = 0 THEN ARRAY['Entity ' || (1 + i % 50) || ' alias', 'a crowd'] ELSE ARRAY[]::text[] END,
            CASE WHEN i % 3 = 0 THEN jsonb_build_object('date', '13/9/2023', 'dateValue', '2023-09-13', 'datePrecision', 'day', 'quantities', jsonb_build_array(jsonb_build_object('value', (i % 90)::text, 'item', 'shells')))
                 WHEN i % 3 = 1 THEN jsonb_build_object('item', 'drones') ELSE '{}'::jsonb END,
            CASE WHEN i % 7 = 0 THEN '=cmd note ' || i ELSE NULL END,
            (ARRAY['DRAFT','SUBMITTED','APPROVED']::"AnnotationStatus"[])[1 + i % 3], $3,
            now() - (i || ' seconds')::interval, now()
     FROM generate_series(1, $4::int) i
     JOIN LATERAL (SELECT id FROM "Passage" WHERE "workspaceId" = $1 ORDER BY id OFFSET (i % ($5::int * 4)) LIMIT 1) p ON TRUE`,
    [ws, type.rows[0].id, user.id, claims, articles],
  );
  await c.query(
    `INSERT INTO "AnnotationSpeaker" (id, "workspaceId", "annotationId", position, "entityId", "sourceId")
     SELECT gen_random_uuid(), $1, a.id, 0,
            CASE WHEN h % 2 = 0 THEN (SELECT id FROM "Entity" WHERE "workspaceId" = $1 AND name = 'Entity ' || (1 + h % 50)) END,
            CASE WHEN h % 2 = 1 THEN (SELECT id FROM "Source" WHERE "workspaceId" = $1 AND name = 'Source ' || (1 + h % 100)) END
     FROM (SELECT id, abs(hashtext(id::text)) AS h FROM "Annotation" WHERE "workspaceId" = $1) a WHERE a.h % 10 < 7`,
    [ws],
  );
  await c.query(
    `INSERT INTO "AnnotationActor" ("workspaceId", "annotationId", "entityId", position)
     SELECT $1, a.id, (SELECT id FROM "Entity" WHERE "workspaceId" = $1 AND name = 'Entity ' || (1 + a.h % 50)), 0
     FROM (SELECT id, abs(hashtext(id::text || 'x')) AS h FROM "Annotation" WHERE "workspaceId" = $1) a WHERE a.h % 10 < 3`,
    [ws],
  );
  await c.query(
    `INSERT INTO "Proposition" (id, "workspaceId", statement, "searchText", "createdAt", "updatedAt", "ratingLabel")
     SELECT gen_random_uuid(), $1, 'Proposition ' || i, 'proposition ' || i, now() - (i || ' seconds')::interval, now(), CASE WHEN i % 4 = 0 THEN 'False' END
     FROM generate_series(1, $2::int) i`,
    [ws, propositions],
  );
  // Six claims in ten are mentions of a proposition (twenty claims per proposition on average).
  await c.query(
    `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "Proposition" WHERE "workspaceId" = $1),
          a AS (SELECT id, abs(hashtext(id::text || 'p')) AS h FROM "Annotation" WHERE "workspaceId" = $1)
     INSERT INTO "MentionLink" ("workspaceId", "annotationId", "propositionId", stance)
     SELECT $1, a.id, p.id, (ARRAY['SUPPORTS','SUPPORTS','REFUTES','NEUTRAL']::"Stance"[])[1 + a.h % 4]
     FROM a JOIN p ON p.n = a.h % $2 WHERE a.h % 10 < 6`,
    [ws, propositions],
  );
  await c.query("COMMIT");
  await c.query("ANALYZE");
  await c.end();
  log(`seeded ${claims} claims, ${articles} articles, ${propositions} propositions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { userId: user.id, workspaceId: ws, claims };
}

/** The baseline: the claims with their article, publisher and claim type, as CSV through COPY (psql, output discarded). */
function copyBaseline(url: string, desk: Desk): { rows: number; seconds: number } {
  const sql = `COPY (SELECT a.id, ar.title, ar.url, ar."publishedAt", pub.name, ct.label, a.modality, a.exact, a.prefix, a.suffix, a.fields, a.note, u.name, a."createdAt"
    FROM "Annotation" a JOIN "Passage" p ON p.id = a."passageId" JOIN "Article" ar ON ar.id = p."articleId" LEFT JOIN "Source" pub ON pub.id = ar."publisherId"
    JOIN "ClaimType" ct ON ct.id = a."claimTypeId" JOIN "User" u ON u.id = a."authorId"
    WHERE a."workspaceId" = '${desk.workspaceId}' AND a."deletedAt" IS NULL ORDER BY a.id) TO STDOUT WITH CSV`;
  const started = process.hrtime.bigint();
  const out = spawnSync("psql", [url, "-X", "-q", "-c", sql], { maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (out.status !== 0) throw new Error(String(out.stderr));
  return { rows: out.stdout.toString().split("\n").length - 1, seconds };
}

/** One export in this (child) process: the response body is read as fast as it comes, and discarded. */
async function measure(format: string, desk: Desk): Promise<Result> {
  const { requireMember } = await import("../lib/auth/membership");
  const { mentionExport } = await import("../lib/server/export-stream");
  const { parseScope } = await import("../lib/server/exports");
  const { getDb } = await import("../lib/db/client");
  const actor = await requireMember(desk.userId, desk.workspaceId);
  // Warm the process as a running server is (its statements prepared, its code compiled): one
  // export of a single article first, unless BENCH_WARM=0 asks for a cold first export.
  if (process.env.BENCH_WARM !== "0") {
    const one = await getDb().article.findFirst({ where: { workspaceId: desk.workspaceId }, select: { id: true } });
    const warm = await mentionExport(actor, format as "csv", parseScope({ articleId: one?.id }), "https://bench.example");
    await warm.arrayBuffer();
  }
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  let rssPeak = rss0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const probes: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      await getDb().workspace.findUnique({ where: { id: desk.workspaceId }, select: { name: true } });
      probes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const res = await mentionExport(actor, format as "csv", parseScope({}), "https://bench.example");
  const reader = res.body!.getReader();
  let bytes = 0;
  let newlines = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // indexOf, not a loop over every byte: the count must not cost more than the export it measures.
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  probing = false;
  await probe;
  clearInterval(sampler);
  loop.disable();
  // CSV: one line per mention×proposition plus the header; JSONL: one per claim; W3C: count claims.
  const rows = format === "w3c" ? desk.claims : format === "jsonl" ? newlines : newlines - 1;
  return {
    format,
    rows,
    bytes,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(desk.claims / seconds),
    rssGrowthMb: Math.round((rssPeak - rss0) / 1e6),
    loopP99Ms: Number((loop.percentile(99) / 1e6).toFixed(1)),
    loopMaxMs: Number((loop.max / 1e6).toFixed(1)),
    probeP50Ms: Number(pct(probes, 50).toFixed(1)),
    probeMaxMs: Number(Math.max(...probes).toFixed(1)),
  };
}

async function main() {
  if (process.argv[2] === "--measure") {
    const desk = JSON.parse(process.env.BENCH_DESK ?? "{}") as Desk;
    console.log(JSON.stringify(await measure(process.argv[3] ?? "csv", desk)));
    process.exit(0);
  }
  const claims = Number(process.argv[2] ?? 50_000);
  const { startEmbeddedPostgres } = await import("../lib/db/embedded");
  const { applyMigrations } = await import("../lib/db/migrate");
  const db = await startEmbeddedPostgres({ dir: path.join(DIR, "pg"), port: PORT, database: "bench", fresh: false });
  try {
    const deskFile = path.join(DIR, `desk-${claims}.json`);
    let desk: Desk;
    if (fs.existsSync(deskFile)) desk = JSON.parse(fs.readFileSync(deskFile, "utf8"));
    else {
      await applyMigrations(db.url);
      desk = await seed(db.url, claims);
      fs.writeFileSync(deskFile, JSON.stringify(desk));
    }
    const copy = copyBaseline(db.url, desk);
    log(`COPY TO STDOUT: ${copy.rows} rows in ${copy.seconds.toFixed(2)} s = ${Math.round(copy.rows / copy.seconds)} rows/s`);
    const results: Result[] = [];
    for (const format of FORMATS) {
      // BENCH_CPU_PROF=<dir>: a CPU profile of each export's process, for finding where the time goes.
      const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
      const child = spawn(process.execPath, [...process.execArgv, ...profile, "--expose-gc", process.argv[1]!, "--measure", format], {
        env: { ...process.env, DATABASE_URL: db.url, BENCH_DESK: JSON.stringify(desk) },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      await new Promise((r) => child.on("exit", r));
      const line = out.trim().split("\n").at(-1) ?? "{}";
      const r = JSON.parse(line) as Result;
      results.push(r);
      log(
        `${format}: ${desk.claims} claims (${r.rows} lines) in ${r.seconds} s = ${r.rowsPerSecond} claims/s, ${(r.bytes / 1e6).toFixed(1)} MB, RSS +${r.rssGrowthMb} MB, event loop p99 ${r.loopP99Ms} ms (max ${r.loopMaxMs}), concurrent query p50 ${r.probeP50Ms} ms (max ${r.probeMaxMs})`,
      );
    }
    const copyRate = Math.round(copy.rows / copy.seconds);
    fs.writeFileSync(path.join(DIR, `results-${claims}.json`), JSON.stringify({ claims, copyRowsPerSecond: copyRate, results }, null, 2));
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    // The app's pool still holds connections the stop ends: that is expected, not an error.
    process.on("uncaughtException", () => {});
    await db.stop();
  }
}

void main();
