import { describe, expect, it } from "vitest";
import { isLoopbackHost, latencyTable, percentile, type RssSample, verdict } from "@/lib/test/soak-report";

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["app.localhost", true],
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["[::1]", true],
    ["::1", true],
    ["[::ffff:127.0.0.1]", true],
    ["0.0.0.0", false],
    ["10.0.0.1", false],
    ["192.168.1.5", false],
    ["128.0.0.1", false],
    ["localhost.example.com", false],
    ["127.0.0.1.nip.io", false],
    ["example.com", false],
    ["[::]", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe("percentile", () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [0, 1],
  ])("p%d of 1..100 is %d (nearest rank)", (p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
  it("of one value is that value; of none, NaN", () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("latencyTable", () => {
  it("sorts each operation's samples and names operations in order", () => {
    const rows = latencyTable(
      new Map([
        ["search", [30, 10, 20]],
        ["articles", [5]],
      ]),
    );
    expect(rows).toEqual([
      { op: "articles", count: 1, p50: 5, p95: 5, p99: 5, max: 5 },
      { op: "search", count: 3, p50: 20, p95: 30, p99: 30, max: 30 },
    ]);
  });
});

describe("verdict", () => {
  const limits = { p99Ms: 2000, memorySlackMb: 100 };
  const fast = latencyTable(new Map([["articles", [10, 20, 30]]]));
  /** One sample every 10 s over `minutes`, growing linearly from 300 MB by `growMb` in all. */
  const rssOver = (minutes: number, growMb: number): RssSample[] =>
    Array.from({ length: minutes * 6 + 1 }, (_, i) => ({ atMs: i * 10_000, rssKb: (300 + (growMb * i) / (minutes * 6)) * 1024 }));
  const base = { errors: 0, requests: 3, latency: fast, durationMs: 600_000, limits };

  it("passes a clean, fast, flat run", () => {
    const v = verdict({ ...base, rss: rssOver(10, 40) });
    expect(v.pass).toBe(true);
    expect(v.checks.map((c) => c.name)).toEqual(["errors", "p99 latency", "memory"]);
  });

  it("fails on a single error", () => {
    const v = verdict({ ...base, errors: 1, rss: rssOver(10, 0) });
    expect(v.pass).toBe(false);
    expect(v.checks.find((c) => c.name === "errors")?.pass).toBe(false);
  });

  it("fails when nothing was measured at all", () => {
    expect(verdict({ ...base, requests: 0, latency: [], rss: [] }).pass).toBe(false);
  });

  it("fails when one operation's p99 is over the limit, naming it", () => {
    const slow = latencyTable(
      new Map([
        ["articles", [10]],
        ["export csv", [2500]],
      ]),
    );
    const v = verdict({ ...base, latency: slow, rss: rssOver(10, 0) });
    expect(v.pass).toBe(false);
    expect(v.checks.find((c) => c.name === "p99 latency")?.detail).toContain("export csv 2500 ms");
  });

  it("fails when memory grows by more than the slack between the first and the last minute", () => {
    const v = verdict({ ...base, rss: rssOver(10, 150) });
    expect(v.pass).toBe(false);
    expect(v.checks.find((c) => c.name === "memory")?.detail).toMatch(/first minute 30\d MB, last minute 44\d MB/);
  });

  it("reports memory as not measured against a server it did not start", () => {
    const v = verdict({ ...base, rss: [] });
    expect(v.pass).toBe(true);
    expect(v.checks.find((c) => c.name === "memory")?.detail).toMatch(/not measured/);
  });
});
