// What a person sees when the database is down: a 503 that says nothing was saved, with
// Retry-After, from the one error mapper; and the health endpoint that monitors ask.
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import { getDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { toErrorBody } from "@/lib/server/errors";
import { healthResponse } from "@/lib/server/health";

/** A local port that nothing listens on (taken from the OS, then let go). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe("when the database is not reachable", () => {
  let down: PrismaClient;

  beforeAll(async () => {
    const url = `postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/claims`;
    down = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2000 }) });
  });
  afterAll(async () => {
    await down.$disconnect();
  });

  it.each([
    ["a model query", () => down.user.count()],
    ["a raw query", () => down.$queryRaw`SELECT 1`],
    ["a transaction", () => down.$transaction(async (tx) => tx.user.count())],
  ])("answers %s with 503, Retry-After and a clear message", async (_, query) => {
    const err = await failure(query());
    expect(err).not.toBeNull();
    const { status, error, headers } = toErrorBody(err);
    expect(status).toBe(503);
    expect(Number(headers["Retry-After"])).toBeGreaterThan(0);
    expect(error.code).toBe("unavailable");
    expect(error.message).toBe("The database is not reachable or too busy right now; nothing was saved. Try again in a moment.");
  });

  it("reports the health as degraded with 503, and leaks no address or error text", async () => {
    const res = await healthResponse(down);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toEqual({ status: "degraded", database: { ok: false, latencyMs: expect.any(Number) } });
  });
});

describe("when the server ends a connection mid-query (admin shutdown, 57P01)", () => {
  it("answers 503 too", async () => {
    const marker = `outage-${Date.now()}`;
    const slow = failure(getDb().$queryRawUnsafe(`SELECT pg_sleep(20)::text /* ${marker} */`));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      // The query may not have reached the server yet: retry until it is seen and terminated.
      for (let i = 0; i < 50; i++) {
        const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()", [
          `%${marker}%`,
        ]);
        if (rowCount) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await admin.end();
    }
    const { status, headers } = toErrorBody(await slow);
    expect(status).toBe(503);
    expect(headers["Retry-After"]).toBeDefined();
    // The pool drops the dead connection: the next request works again.
    await expect(getDb().user.count()).resolves.toBeGreaterThanOrEqual(0);
  });
});

describe("GET /api/health", () => {
  it("answers 200 with the database's round trip, without signing in", async () => {
    const res = await healthRoute.GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("retry-after")).toBeNull();
    const body = await res.json();
    expect(body).toEqual({ status: "ok", database: { ok: true, latencyMs: expect.any(Number) } });
    expect(body.database.latencyMs).toBeLessThan(2000);
  });
});
