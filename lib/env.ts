import path from "node:path";
import { z } from "zod";

// The one place that reads process.env (HOUSE-STYLE). Everything else imports `env`.
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Session lifetimes (ASVS 4.0.3 V3.3.2): signed out after this long without activity, and
  // in any case this long after signing in. Fractions of a day are allowed (0.5 = 12 hours).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(15).max(43_200).default(720), // 12 hours; at most 30 days
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(30),
  // Connections each app instance keeps to PostgreSQL. Several instances share the server's
  // max_connections (100 by default), so instances × this must stay below it.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  // Log every SQL statement slower than this many milliseconds (its duration and first words).
  DATABASE_SLOW_MS: z.coerce.number().int().min(1).max(600_000).optional(),
  // Claim exports running at once per app instance, and per workspace: each holds one pooled
  // connection while it streams, so by default at most a third of the pool goes to exports.
  EXPORTS_MAX: z.coerce.number().int().min(1).max(100).optional(),
  EXPORTS_PER_WORKSPACE: z.coerce.number().int().min(1).max(100).default(2),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`Invalid environment: ${problems}`);
}

export const env = {
  ...parsed.data,
  EXPORTS_MAX: parsed.data.EXPORTS_MAX ?? Math.max(1, Math.floor(parsed.data.DATABASE_POOL_SIZE / 3)),
  dataDir: path.resolve(parsed.data.DATA_DIR),
};

/** The database URL at call time: `npm start` and the test set-up fill it in after start-up. */
export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL;
}
