import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countQueries, countQueriesOn } from "@/lib/db/query-count";

describe("the statement log of the app's pool", () => {
  afterEach(() => vi.restoreAllMocks());

  it("counts statements in a scope and logs those slower than DATABASE_SLOW_MS, with their duration", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pool = countQueriesOn(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }), 50);
    try {
      const { count } = await countQueries(async () => {
        await pool.query("SELECT 1");
        await pool.query("SELECT pg_sleep(0.08)");
      });
      expect(count).toBe(2);
      const slow = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.startsWith("[db] slow statement"));
      expect(slow).toHaveLength(1);
      expect(slow[0]).toMatch(/^\[db\] slow statement: \d+ ms: SELECT pg_sleep\(0\.08\)$/);
      expect(Number(/(\d+) ms/.exec(slow[0]!)?.[1])).toBeGreaterThanOrEqual(50);
    } finally {
      await pool.end();
    }
  });

  it("logs nothing without a threshold, and a failing statement still fails", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pool = countQueriesOn(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));
    const timed = countQueriesOn(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }), 1);
    try {
      await pool.query("SELECT pg_sleep(0.02)");
      await expect(timed.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
      expect(warn.mock.calls.filter((c) => String(c[0]).includes("pg_sleep"))).toHaveLength(0);
    } finally {
      await Promise.all([pool.end(), timed.end()]);
    }
  });
});
