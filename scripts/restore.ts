// `npm run restore -- FILE [--force]`: bring a backup back into the app's database. A database
// that holds data is only replaced with --force. Stop the app first (Ctrl-C on `npm start`).
import "dotenv/config";
import path from "node:path";
import { restoreDatabase } from "../lib/db/backup";
import { withScriptDatabase } from "../lib/db/script-database";
import { env } from "../lib/env";

const log = (msg: string) => console.log(`[restore] ${msg}`);
const args = process.argv.slice(2);
const force = args.includes("--force");
const files = args.filter((a) => !a.startsWith("--"));
if (args.includes("--help") || files.length !== 1 || args.some((a) => a.startsWith("--") && a !== "--force")) {
  console.log("usage: npm run restore -- FILE [--force]   (--force replaces a database that holds data)");
  process.exit(args.includes("--help") ? 0 : 2);
}
const file = path.resolve(files[0] as string);

try {
  const summary = await withScriptDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir, port: env.EMBEDDED_PG_PORT, mustExist: false, log }, (url) =>
    restoreDatabase(url, file, { force }),
  );
  log(`restored ${summary.rows} rows in ${summary.tables} tables from ${path.relative(process.cwd(), file)}`);
  if (summary.newerMigrations.length) log(`then applied newer migrations: ${summary.newerMigrations.join(", ")}`);
} catch (err) {
  console.error(`[restore] failed: ${(err as Error).message}`);
  process.exit(1);
}
