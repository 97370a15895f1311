// Dev tool: write prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes
// the previous migration's schema snapshot to the current schema.prisma. Works offline (WASM
// schema engine). Each migration folder keeps the schema it produces as schema.prisma.snapshot;
// Prisma Migrate ignores that file. Usage: npm run db:migration -- <name>
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { MIGRATIONS_DIR, readMigrations } from "../lib/db/migrate";
import { diffToSchema, SCHEMA_PATH } from "../lib/db/schema-ddl";

const SNAPSHOT = "schema.prisma.snapshot";
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const last = readMigrations().at(-1);
const previous = last ? fs.readFileSync(path.join(MIGRATIONS_DIR, last.name, SNAPSHOT), "utf8") : undefined;
const db = await startEmbeddedPostgres({ dir: ".data/tool-pg", port: 54331, database: "migration_scratch", fresh: true });
try {
  const sql = await diffToSchema(db.url, previous);
  if (!/^\s*(CREATE|ALTER|DROP)/m.test(sql)) {
    console.log("schema.prisma matches the migrations; nothing to write");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync(SCHEMA_PATH, path.join(dir, SNAPSHOT));
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
}
