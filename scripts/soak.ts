import crypto from "node:crypto";
import dns from "node:dns/promises";
import fs from "node:fs";
import net from "node:net";
import { z } from "zod";
import { quoteSpan } from "../lib/domain/anchoring";
import { isLoopbackHost, latencyTable, type RssSample, verdict } from "../lib/test/soak-report";
import { apiCaller, runClient, type Desk, type Soak } from "./soak-client";
import { signUpThroughForm } from "./form-sign-up";
import { startProductionServer } from "./production-server";

// The soak's own knobs, read once here (the app's environment stays in lib/env.ts).
const cfg = z
  .object({
    SOAK_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(10),
    SOAK_CLIENTS: z.coerce.number().int().min(1).max(256).default(32),
    SOAK_P99_MS: z.coerce.number().positive().default(2000),
    SOAK_MEMORY_SLACK_MB: z.coerce.number().nonnegative().default(100),
    /** Each client waits up to this long (uniformly random) between operations: 32 busy people, not a stress test (0 makes it one). */
    SOAK_THINK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    SOAK_BASE_URL: z.string().url().optional(),
    SOAK_BUILD: z.enum(["0", "1"]).default("0"),
  })
  .parse(process.env);

const log = (msg: string) => console.log(`[soak] ${msg}`);

type Server = { base: string; pid: number | null; stop: () => Promise<void> };

async function main(): Promise<number> {
  const server = cfg.SOAK_BASE_URL ? await external(cfg.SOAK_BASE_URL) : await startServer();
  const stopOnSignal = () => void server.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

async function run(server: Server): Promise<number> {
  const soak: Soak = { base: server.base, samples: new Map(), errors: [], requests: 0, sseEvents: 0, deferred: 0 };
  const desk = await prepare(soak);
  log(`desk ready: ${desk.articles.length} articles, ${desk.propositions.length} propositions; ${cfg.SOAK_CLIENTS} clients for ${cfg.SOAK_MINUTES} min`);
  soak.samples.clear();
  soak.requests = 0;

  const started = Date.now();
  const durationMs = cfg.SOAK_MINUTES * 60_000;
  const rss: RssSample[] = [];
  const sample = () => {
    const kb = server.pid === null ? null : readRssKb(server.pid);
    if (kb !== null) rss.push({ atMs: Date.now() - started, rssKb: kb });
  };
  sample();
  const sampler = setInterval(sample, 1000);
  const progress = setInterval(() => {
    const mb = rss.length ? `, server RSS ${Math.round(rss.at(-1)!.rssKb / 1024)} MB` : "";
    log(`${Math.round((Date.now() - started) / 1000)} s: ${soak.requests} requests, ${soak.errors.length} errors${mb}`);
  }, 30_000);
  const deadline = started + durationMs;
  await Promise.all(Array.from({ length: cfg.SOAK_CLIENTS }, (_, i) => runClient(soak, desk, i, { deadline, thinkMs: cfg.SOAK_THINK_MS })));
  clearInterval(sampler);
  clearInterval(progress);
  sample();
  const elapsed = Date.now() - started;

  const latency = latencyTable(soak.samples);
  console.log(`\noperation              count     p50     p95     p99     max   (ms)`);
  for (const r of latency) {
    const n = (v: number) => String(Math.round(v)).padStart(8);
    console.log(`${r.op.padEnd(20)}${String(r.count).padStart(7)}${n(r.p50)}${n(r.p95)}${n(r.p99)}${n(r.max)}`);
  }
  console.log(
    `\n${soak.requests} requests in ${(elapsed / 1000).toFixed(0)} s (${((soak.requests * 1000) / elapsed).toFixed(1)}/s), ${soak.sseEvents} live events received, ${soak.deferred} exports deferred by the server (Retry-After) and retried`,
  );
  if (rss.length) {
    const mbs = rss.map((s) => s.rssKb / 1024);
    console.log(
      `server RSS: start ${mbs[0]!.toFixed(0)} MB, end ${mbs.at(-1)!.toFixed(0)} MB, min ${Math.min(...mbs).toFixed(0)}, max ${Math.max(...mbs).toFixed(0)}`,
    );
  }
  for (const e of soak.errors.slice(0, 20)) console.log(`error: ${e}`);
  const result = verdict({
    errors: soak.errors.length,
    requests: soak.requests,
    latency,
    rss,
    durationMs: elapsed,
    limits: { p99Ms: cfg.SOAK_P99_MS, memorySlackMb: cfg.SOAK_MEMORY_SLACK_MB },
  });
  console.log("");
  for (const c of result.checks) console.log(`${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
  console.log(result.pass ? "\nsoak test passed" : "\nsoak test FAILED");
  return result.pass ? 0 : 1;
}

/** A user signed up through the sign-up form's server action, an API token, a few articles and propositions. */
async function prepare(soak: Soak): Promise<Desk> {
  const runTag = crypto.randomBytes(4).toString("hex");
  const cookie = await signUp(soak.base, `soak-${runTag}@soak.test`);
  const session = async (p: string, init: RequestInit = {}) => {
    const res = await fetch(`${soak.base}${p}`, { ...init, headers: { cookie, origin: soak.base, "content-type": "application/json", ...init.headers } });
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const ws = ((await session("/api/v1/workspaces")) as { items: { id: string; slug: string }[] }).items[0];
  if (!ws) throw new Error("the new account has no workspace");
  const { token } = (await session("/api/v1/tokens", { method: "POST", body: JSON.stringify({ workspaceId: ws.id, name: "soak", role: "OWNER" }) })) as {
    token: string;
  };
  const desk: Desk = { workspaceId: ws.id, slug: ws.slug, token, cookie, claimTypeIds: [], articles: [], propositions: [] };
  const api = apiCaller(soak, desk);

  const types = (await api("setup", "GET", "/claim-types")) as { items: { id: string }[] };
  desk.claimTypeIds = types.items.slice(0, 3).map((t) => t.id);
  for (let i = 0; i < 6; i++) {
    const { id } = (await api("setup", "POST", "/articles", { body: { text: articleText(runTag, i) }, expect: [201] })) as { id: string };
    const article = (await api("setup", "GET", `/articles/${id}`)) as { passages: { id: string; text: string }[] };
    desk.articles.push({ id, passages: article.passages.map((p) => ({ id: p.id, text: p.text })) });
    const passage = article.passages[0]!;
    const exact = passage.text.split(" ").slice(0, 4).join(" ");
    const claim = (await api("setup", "POST", "/annotations", {
      body: { passageId: passage.id, ...quoteSpan(passage.text, exact)!, exact, claimTypeId: desk.claimTypeIds[0], modality: "REPORTED" },
      expect: [201],
    })) as { id: string };
    const prop = (await api("setup", "POST", "/propositions", {
      body: { annotationId: claim.id, statement: `Soak proposition ${runTag} ${i}` },
      expect: [201],
    })) as {
      id: string;
    };
    desk.propositions.push(prop.id);
  }
  if (soak.errors.length) throw new Error(`setup failed: ${soak.errors.join("; ")}`);
  return desk;
}

const WORDS = ["convoy", "artillery", "ministry", "summit", "border", "shipment", "envoy", "sanctions", "treaty", "drills", "satellite", "harbour"];

function articleText(runTag: string, i: number): string {
  const pick = (k: number) => WORDS[(i * 5 + k) % WORDS.length];
  const paragraphs = Array.from(
    { length: 5 },
    (_, p) =>
      `Officials said the ${pick(p)} near the ${pick(p + 1)} was confirmed on day ${p + 1}, while the ${pick(p + 2)} denied any ${pick(p + 3)} (run ${runTag}, story ${i}).`,
  );
  return [`Soak story ${i}: the ${pick(0)} and the ${pick(1)} ${runTag}`, ...paragraphs].join("\n\n");
}

const signUp = (base: string, email: string) => signUpThroughForm(base, { name: "Soak Tester", email, password: "soak-password-1" });

async function external(url: string): Promise<Server> {
  const base = new URL(url);
  const { hostname } = base;
  const addresses = isLoopbackHost(hostname) ? await dns.lookup(hostname.replace(/^\[|\]$/g, ""), { all: true }) : [];
  if (!isLoopbackHost(hostname) || addresses.some((a) => !isLoopbackHost(a.address))) {
    throw new Error(`SOAK_BASE_URL must be a loopback address (localhost, 127.0.0.1, [::1]); refusing ${url}`);
  }
  log(`using ${base.origin}; server memory is not measured (not started by this run)`);
  return { base: base.origin, pid: null, stop: async () => {} };
}

async function startServer(): Promise<Server> {
  const server = await startProductionServer({
    port: await freePort(),
    pgPort: await freePort(),
    name: "soak",
    build: cfg.SOAK_BUILD === "1",
    rebuildHint: "SOAK_BUILD=1",
    log,
  });
  return { base: server.base, pid: server.pid, stop: server.stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resident set of `pid` in kB (Linux /proc), or null when it cannot be read. */
function readRssKb(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[soak] ${(err as Error).message}`);
    process.exit(1);
  },
);
