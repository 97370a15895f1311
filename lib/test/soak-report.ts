// The soak test's arithmetic and verdict (scripts/soak.ts), kept pure so it is unit-tested.
import { isIP } from "node:net";

/** Whether `hostname` (as URL.hostname gives it) names this machine only: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1" || host === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(host);
  return false;
}

/** Nearest-rank percentile of ascending `sorted` values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export type LatencyRow = { op: string; count: number; p50: number; p95: number; p99: number; max: number };

/** Latency per operation (milliseconds), operations in name order. */
export function latencyTable(samples: ReadonlyMap<string, readonly number[]>): LatencyRow[] {
  return [...samples.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        op,
        count: sorted.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? Number.NaN,
      };
    });
}

/** One server memory reading: `atMs` since the load started, resident set in kB. */
export type RssSample = { atMs: number; rssKb: number };

export type SoakLimits = { p99Ms: number; memorySlackMb: number };
export type Check = { name: string; pass: boolean; detail: string };

/**
 * Pass criteria: no errors; every operation's p99 within the limit; memory flat, i.e. the median
 * resident set of the last minute at most the first minute's median plus the slack. Without
 * samples (a server this run did not start) the memory check is reported as not measured.
 */
export function verdict(input: { errors: number; requests: number; latency: LatencyRow[]; rss: RssSample[]; durationMs: number; limits: SoakLimits }): {
  pass: boolean;
  checks: Check[];
} {
  const { errors, requests, latency, rss, durationMs, limits } = input;
  const checks: Check[] = [{ name: "errors", pass: errors === 0 && requests > 0, detail: `${errors} of ${requests} requests failed` }];
  const slow = latency.filter((r) => !(r.p99 <= limits.p99Ms));
  checks.push({
    name: "p99 latency",
    pass: slow.length === 0 && latency.length > 0,
    detail: slow.length ? `over ${limits.p99Ms} ms: ${slow.map((r) => `${r.op} ${Math.round(r.p99)} ms`).join(", ")}` : `every operation ≤ ${limits.p99Ms} ms`,
  });
  if (rss.length === 0) {
    checks.push({ name: "memory", pass: true, detail: "not measured (no server process to read)" });
  } else {
    const first = median(rss.filter((s) => s.atMs <= 60_000).map((s) => s.rssKb)) / 1024;
    const last = median(rss.filter((s) => s.atMs >= durationMs - 60_000).map((s) => s.rssKb)) / 1024;
    const overlap = durationMs < 120_000 ? " (run under 2 minutes: the windows overlap)" : "";
    checks.push({
      name: "memory",
      pass: last <= first + limits.memorySlackMb,
      detail: `median RSS first minute ${first.toFixed(0)} MB, last minute ${last.toFixed(0)} MB, allowed ${(first + limits.memorySlackMb).toFixed(0)} MB${overlap}`,
    });
  }
  return { pass: checks.every((c) => c.pass), checks };
}
