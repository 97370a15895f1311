// One soak client (scripts/soak.ts): a loop of mixed reads and writes, one request at a time,
// each timed and checked. Any status other than the one expected is an error.
import { quoteSpan } from "../lib/domain/anchoring";

/** What the whole run collects: latency samples per operation (ms), error descriptions, counts. */
/** `deferred`: requests the server asked to retry later (429/503 with Retry-After), retried as told. */
export type Soak = { base: string; samples: Map<string, number[]>; errors: string[]; requests: number; sseEvents: number; deferred: number };

/** The workspace the clients share, made by the soak's set-up. */
export type Desk = {
  workspaceId: string;
  slug: string;
  token: string;
  cookie: string;
  claimTypeIds: string[];
  articles: { id: string; passages: { id: string; text: string }[] }[];
  propositions: string[];
};

type CallOptions = { body?: unknown; expect?: number[] };
export type Api = (op: string, method: string, path: string, opts?: CallOptions) => Promise<unknown>;

/** No request may hang a client: each has this long to answer in full. */
const REQUEST_TIMEOUT_MS = 30_000;

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function record(soak: Soak, op: string, ms: number) {
  soak.requests += 1;
  const list = soak.samples.get(op);
  if (list) list.push(ms);
  else soak.samples.set(op, [ms]);
}

/**
 * `op` is the name latency is reported under; `path` is relative to the workspace's API. Answers
 * the parsed JSON, or null after recording an error.
 */
export function apiCaller(soak: Soak, desk: Desk): Api {
  return async (op, method, path, { body, expect = [200] } = {}) => {
    const url = `${soak.base}/api/v1/workspaces/${desk.workspaceId}${path}`;
    const t0 = performance.now();
    try {
      const res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${desk.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await res.text();
      record(soak, op, performance.now() - t0);
      if (!expect.includes(res.status)) {
        soak.errors.push(`${op}: ${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
        return null;
      }
      return text ? JSON.parse(text) : {};
    } catch (err) {
      record(soak, op, performance.now() - t0);
      soak.errors.push(`${op}: ${method} ${path} → ${(err as Error).message}`);
      return null;
    }
  };
}

/** Retries of a request the server defers (an export while the workspace already runs its limit). */
const DEFER_RETRIES = 3;

/**
 * A timed request that must answer 200 and pass `check` on its body (a page, a file). A 429 or
 * 503 with Retry-After is the server pacing work, not a failure: the client waits as told and
 * asks again (counted in `deferred`), and only a request still refused after that is an error.
 */
async function fetchChecked(soak: Soak, op: string, url: string, headers: Record<string, string>, check: (res: Response, body: string) => string | null) {
  for (let attempt = 0; ; attempt++) {
    const t0 = performance.now();
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = await res.text();
      record(soak, op, performance.now() - t0);
      const retryAfter = Number(res.headers.get("retry-after"));
      if ((res.status === 429 || res.status === 503) && retryAfter > 0 && attempt < DEFER_RETRIES) {
        soak.deferred += 1;
        await sleep(Math.min(retryAfter, 10) * 1000);
        continue;
      }
      const problem = res.status !== 200 ? `${res.status} ${body.slice(0, 200)}` : check(res, body);
      if (problem) soak.errors.push(`${op}: GET ${url} → ${problem}`);
    } catch (err) {
      record(soak, op, performance.now() - t0);
      soak.errors.push(`${op}: GET ${url} → ${(err as Error).message}`);
    }
    return;
  }
}

type Ctx = { soak: Soak; desk: Desk; api: Api; client: number; n: number };

/** Mark a few words, edit the claim, link it to a proposition, delete it. */
async function claimCycle({ desk, api, client, n }: Ctx) {
  const passage = pick(pick(desk.articles).passages);
  const words = passage.text.split(" ");
  const from = Math.floor(Math.random() * (words.length - 3));
  const exact = words.slice(from, from + 2 + Math.floor(Math.random() * 2)).join(" ");
  const span = quoteSpan(passage.text, exact);
  const created = (await api("claim create", "POST", "/annotations", {
    body: { passageId: passage.id, ...span, exact, claimTypeId: pick(desk.claimTypeIds), modality: "REPORTED" },
    expect: [201],
  })) as { id: string; version: number } | null;
  if (!created) return;
  const edited = (await api("claim edit", "PATCH", `/annotations/${created.id}`, {
    body: { version: created.version, note: `soak client ${client}, cycle ${n}`, modality: "ALLEGED" },
  })) as { version: number } | null;
  await api("claim link", "PUT", `/propositions/${pick(desk.propositions)}/mentions/${created.id}`, { body: { stance: "SUPPORTS" } });
  await api("claim delete", "DELETE", `/annotations/${created.id}?version=${edited?.version ?? created.version}`);
}

/** Connect to the live stream, read what arrives for 1–3 s, disconnect. Latency: until the stream answers. */
async function liveEvents({ soak, desk }: Ctx) {
  const url = `${soak.base}/api/v1/workspaces/${desk.workspaceId}/events`;
  const ctrl = new AbortController();
  const t0 = performance.now();
  const timeout = setTimeout(() => ctrl.abort(), REQUEST_TIMEOUT_MS);
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${desk.token}` }, signal: ctrl.signal });
    record(soak, "live events", performance.now() - t0);
    clearTimeout(timeout);
    if (res.status !== 200 || !res.headers.get("content-type")?.startsWith("text/event-stream")) {
      soak.errors.push(`live events: GET ${url} → ${res.status} ${res.headers.get("content-type")}`);
      await res.body?.cancel();
      return;
    }
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const stopAt = Date.now() + 1000 + Math.random() * 2000;
    for (;;) {
      const left = stopAt - Date.now();
      if (left <= 0) break;
      const chunk = await Promise.race([reader.read(), sleep(left).then(() => null)]);
      if (chunk === null || chunk.done) break;
      soak.sseEvents += (decoder.decode(chunk.value, { stream: true }).match(/^event: change$/gm) ?? []).length;
    }
    ctrl.abort();
    await reader.cancel().catch(() => {});
  } catch (err) {
    clearTimeout(timeout);
    if (!ctrl.signal.aborted || (err as Error).name !== "AbortError") soak.errors.push(`live events: GET ${url} → ${(err as Error).message}`);
  }
}

const SEARCH_WORDS = ["convoy", "artillery", "ministry", "summit", "officials", "denied", "soak"];

/** Scenario → weight: about a third of the requests write (the claim cycle is four). */
const SCENARIOS: [number, (ctx: Ctx) => Promise<unknown>][] = [
  [3, ({ api }) => api("article list", "GET", "/articles")],
  [3, ({ api, desk }) => api("reader data", "GET", `/articles/${pick(desk.articles).id}`)],
  [
    2,
    ({ soak, desk }) =>
      fetchChecked(soak, "reader page", `${soak.base}/w/${desk.slug}/articles/${pick(desk.articles).id}`, { cookie: desk.cookie }, (res, html) => {
        const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
        return nonce && html.includes(`nonce="${nonce}"`) ? null : "the page's scripts do not carry its CSP nonce";
      }),
  ],
  [2, ({ api }) => api("matrix", "GET", "/comparison")],
  [2, ({ api }) => api("search", "GET", `/search?q=${pick(SEARCH_WORDS)}`)],
  [4, claimCycle],
  [
    1,
    ({ soak, desk }) =>
      fetchChecked(
        soak,
        "export csv",
        `${soak.base}/api/v1/workspaces/${desk.workspaceId}/exports/csv`,
        { authorization: `Bearer ${desk.token}` },
        (res, csv) => (res.headers.get("content-type")?.startsWith("text/csv") && /^\uFEFF?annotation_id,/.test(csv) ? null : "not the claims CSV"),
      ),
  ],
  [1, liveEvents],
];
const TOTAL_WEIGHT = SCENARIOS.reduce((s, [w]) => s + w, 0);

function pickScenario(): (ctx: Ctx) => Promise<unknown> {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [w, run] of SCENARIOS) {
    r -= w;
    if (r < 0) return run;
  }
  return SCENARIOS[0]![1];
}

/** Client `client`'s loop until `deadline` (epoch ms); a claim cycle under way is finished. */
export async function runClient(soak: Soak, desk: Desk, client: number, { deadline, thinkMs }: { deadline: number; thinkMs: number }) {
  const api = apiCaller(soak, desk);
  for (let n = 0; Date.now() < deadline; n++) {
    await pickScenario()({ soak, desk, api, client, n });
    if (thinkMs > 0) await sleep(Math.random() * thinkMs);
  }
}
