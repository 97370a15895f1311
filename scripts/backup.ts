// `npm run backup [FILE]`: every row of the app's database to one file (default:
// .data/backups/claims-<time>.backup), read in one snapshot, so the app can keep running.
import "dotenv/config";
import path from "node:path";
import { backupDatabase, defaultBackupFile } from "../lib/db/backup";
import { withScriptDatabase } from "../lib/db/script-database";
import { env } from "../lib/env";

const log = (msg: string) => console.log(`[backup] ${msg}`);
const args = process.argv.slice(2);
if (args.includes("--help") || args.length > 1) {
  console.log("usage: npm run backup [-- FILE]   (default: .data/backups/claims-<time>.backup)");
  process.exit(args.includes("--help") ? 0 : 2);
}
const file = path.resolve(args[0] ?? defaultBackupFile(path.join(env.dataDir, "backups")));

try {
  const summary = await withScriptDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir, port: env.EMBEDDED_PG_PORT, mustExist: true, log }, (url) =>
    backupDatabase(url, file),
  );
  log(`wrote ${path.relative(process.cwd(), summary.file)}: ${summary.rows} rows in ${summary.tables} tables, ${(summary.bytes / 1024).toFixed(0)} KiB`);
  log(`restore it with: npm run restore -- ${path.relative(process.cwd(), summary.file)}`);
} catch (err) {
  console.error(`[backup] failed: ${(err as Error).message}`);
  process.exit(1);
}
