import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { RETRY_AFTER_SECONDS } from "@/lib/server/errors";

/** What GET /api/health answers: no versions, hosts or error text, only whether it works. */
export type Health = { status: "ok" | "degraded"; database: { ok: boolean; latencyMs: number } };

/** A health check never waits longer than this for the database, in milliseconds. */
export const HEALTH_TIMEOUT_MS = 2000;

/** Ask the database for `SELECT 1`; the round trip in whole milliseconds. */
export async function checkHealth(db?: Pick<Db, "$queryRaw">, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
  });
  let ok = true;
  try {
    // Inside the try: without a configured database, getDb() itself throws.
    await Promise.race([(db ?? getDb()).$queryRaw`SELECT 1`, timeout]);
  } catch {
    ok = false;
  } finally {
    clearTimeout(timer);
  }
  const latencyMs = Math.round(performance.now() - started);
  return { status: ok ? "ok" : "degraded", database: { ok, latencyMs } };
}

/** 200 when everything answers, 503 (with Retry-After) when the database does not. */
export async function healthResponse(db?: Pick<Db, "$queryRaw">): Promise<Response> {
  const health = await checkHealth(db);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!health.database.ok) headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers });
}
