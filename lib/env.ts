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
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`Invalid environment: ${problems}`);
}

export const env = {
  ...parsed.data,
  dataDir: path.resolve(parsed.data.DATA_DIR),
};

/** The database URL at call time: `npm start` and the test set-up fill it in after start-up. */
export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL;
}
