// Property-based tests over every documented JSON body and query (issue 11): arbitrary JSON and
// arbitrary mutations of a valid body, sent through the route handlers. Whatever is sent, the
// answer is below 500, a refusal is JSON with an error code, and a refusal wrote nothing.
// Seeded, so a failure replays; small run counts keep the file to a few seconds.
import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type EndpointDef, endpoints } from "@/lib/api/endpoints";
import { call } from "@/lib/test/api-client";
import {
  countRows,
  type Fixture,
  inputJsonSchema,
  pathParamsFor,
  type RouteModule,
  routeModules,
  sampleFor,
  seedFixture,
  urlFor,
} from "@/lib/test/endpoint-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const SEED = 110_011;
const RUNS = { arbitrary: 8, mutated: 22, query: 8 };

// previewUrl fetches the address over the network when it is valid; its refusals are covered in
// hostile-input.int.test.ts.
const NO_FUZZ = new Set(["previewUrl"]);
const all = Object.entries(endpoints) as [string, EndpointDef][];
const bodies = all.filter(([name, d]) => "body" in d && d.body !== undefined && !NO_FUZZ.has(name));
const queries = all.filter(([, d]) => d.query !== undefined);

const INT4 = 2 ** 31;
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    INT4,
    INT4 - 1,
    -INT4 - 1,
    2 ** 53,
    -1,
    0,
    1.5,
    1e308,
    "",
    " ",
    "\u0000",
    "\uD800",
    "x".repeat(25_000),
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "9".repeat(40),
    "1e400",
    "00000000-0000-0000-0000-000000000000",
    null,
    [],
    {},
    true,
    [[[[[["deep"]]]]]],
  ),
);

type Path = (string | number)[];

/** Every path in `value` (objects and arrays too), so a mutation can hit any level. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : typeof value === "object" && value
      ? Object.entries(value)
      : [];
  for (const [k, v] of children) out.push(...pathsOf(v, [...at, k]));
  return out;
}

type Mutation = { kind: "set" | "delete" | "wrap"; path: Path; key: string; value: unknown };

function mutate(body: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(body);
  for (const m of mutations) {
    if (m.path.length === 0 && m.kind !== "delete") {
      root = m.kind === "wrap" ? [root] : m.key === "" ? m.value : { ...(typeof root === "object" && root ? root : {}), [m.key]: m.value };
      continue;
    }
    const parentPath = m.path.slice(0, -1);
    const last = m.path.at(-1) as string | number;
    let parent: unknown = root;
    for (const k of parentPath) parent = (parent as Record<string | number, unknown> | undefined)?.[k];
    if (typeof parent !== "object" || parent === null) continue;
    const p = parent as Record<string | number, unknown>;
    if (m.kind === "delete") delete p[last];
    else if (m.kind === "wrap") p[last] = m.key === "" ? [p[last]] : { [m.key]: p[last] };
    else p[last] = m.value;
  }
  return root;
}

function mutations(sample: unknown): fc.Arbitrary<Mutation[]> {
  const paths = pathsOf(sample);
  const mutation = fc.record({
    kind: fc.constantFrom<Mutation["kind"]>("set", "set", "delete", "wrap"),
    path: fc.constantFrom(...paths),
    key: fc.constantFrom("", "extra", "version", "__proto__", "id"),
    value: hostileValue,
  });
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

describe("property: no body or query makes the API answer 500 or write half a change", () => {
  let fx: Fixture;
  let modules: Map<string, RouteModule>;
  let pool: string[];
  let counts: Record<string, number>;

  beforeAll(async () => {
    fx = await seedFixture();
    modules = await routeModules();
    pool = Object.values(fx.ids);
    counts = await countRows(fx.ws);
  });
  beforeEach(() => {
    session.userId = fx.owner.user.id;
  });

  const handler = (d: EndpointDef) => {
    const mod = modules.get(d.path);
    if (!mod) throw new Error(`no route file for ${d.path}`);
    return mod[d.method];
  };

  /** Sends one request and checks the answer; a refusal must leave every main table as it was. */
  async function check(d: EndpointDef, init: Parameters<typeof call>[2] & { query?: string }) {
    const params = pathParamsFor(d, fx);
    const res = await call(handler(d), urlFor(d, params, init.query), { method: d.method, params, ...init });
    const label = `${d.method} ${d.path} ${init.query ?? JSON.stringify(init.body)?.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
    expect(res.status, label).toBeLessThan(500);
    const after = await countRows(fx.ws);
    if (res.status >= 400) {
      expect(typeof res.body?.error?.code, label).toBe("string");
      expect(typeof res.body?.error?.message, label).toBe("string");
      expect(after, `a refused request wrote rows: ${label}`).toEqual(counts);
    }
    counts = after;
  }

  describe.each(bodies)("%s", (name, d) => {
    const schema = d.body?.schema;
    if (!schema) throw new Error(`${name} has no body`);

    it("answers any JSON value with a 4xx in the error shape, never a 500", async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => check(d, { body: value })),
        { seed: SEED, numRuns: RUNS.arbitrary },
      );
    });

    it("answers any mutation of a valid body below 500; a refusal writes nothing", async () => {
      const sample = sampleFor(inputJsonSchema(schema), pool);
      await fc.assert(
        fc.asyncProperty(mutations(sample), async (steps) => check(d, { body: mutate(sample, steps) })),
        { seed: SEED, numRuns: RUNS.mutated },
      );
    });
  });

  describe.each(queries)("%s", (_name, d) => {
    const keys = Object.keys(d.query?.shape ?? {});

    it("answers any query string below 500", async () => {
      // Any string, encoded as a browser would, or raw escapes a browser would not send.
      const encoded = fc.string({ unit: "binary", maxLength: 30 }).map((v) => new URLSearchParams([["v", v]]).toString().slice(2));
      const raw = fc.constantFrom("%", "%zz", "%00", "%ED%A0%80", "%C3", "-1", "2147483648", "1e400", "NaN", "+");
      const param = fc.tuple(fc.constantFrom(...keys, "extra"), fc.oneof(encoded, raw));
      const query = fc.array(param, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
      await fc.assert(
        fc.asyncProperty(query, async (q) => check(d, { query: q })),
        { seed: SEED, numRuns: RUNS.query },
      );
    });
  });
});
