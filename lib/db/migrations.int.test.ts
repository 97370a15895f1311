import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "./migrate";
import { diffToSchema } from "./schema-ddl";

// Proves that prisma/migrations produce exactly the schema in schema.prisma: one database is
// built by our migration runner, another from the schema's full DDL, and their catalogs compared
// (column order aside: ALTER TABLE appends columns, which is not a difference that matters).
const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_ADMIN_URL });
const urlFor = (db: string) => process.env.TEST_DATABASE_ADMIN_URL!.replace(/\/[^/]+$/, `/${db}`);
const A = "schema_from_migrations";
// CHECK constraints Prisma's schema language cannot express: written by hand in migrations.
const MIGRATION_ONLY_CONSTRAINTS = [
  "AnnotationSpeaker_one_target",
  // 20261201233217_workspace_guard_rails
  "Annotation_offsets_check",
  "Annotation_version_check",
  "Article_version_check",
  "Passage_position_check",
  "ArticleOrigin_position_check",
  "AnnotationSpeaker_position_check",
  "AnnotationActor_position_check",
  "ClaimType_position_check",
  "ClaimType_shortcut_check",
  "Proposition_rating_scale_check",
  "Proposition_rating_value_check",
  "Source_upstream_not_self_check",
  "Entity_speaks_for_not_self_check",
  "ApiToken_token_hash_check",
];
// Foreign keys Prisma cannot express: for these SetNull relations schema.prisma keeps one column,
// and the migrations replace Prisma's foreign key (same name) by a same-workspace composite one
// that nulls only the link column, since workspaceId is NOT NULL (PostgreSQL 15+). Both sides are
// checked, so a change to the relation in schema.prisma or to the migration is noticed.
const composite = (cols: string, target: string, link: string) => `FOREIGN KEY (${cols}) REFERENCES ${target} ON UPDATE CASCADE ON DELETE SET NULL (${link})`;
const MIGRATION_DEFINED_FOREIGN_KEYS: Record<string, { fromMigrations: string; fromSchema: string }> = {
  Article_publisherId_fkey: {
    fromMigrations: composite(`"publisherId", "workspaceId"`, `"Source"(id, "workspaceId")`, `"publisherId"`),
    fromSchema: `FOREIGN KEY ("publisherId") REFERENCES "Source"(id) ON UPDATE CASCADE ON DELETE SET NULL`,
  },
  Source_upstreamId_fkey: {
    fromMigrations: composite(`"upstreamId", "workspaceId"`, `"Source"(id, "workspaceId")`, `"upstreamId"`),
    fromSchema: `FOREIGN KEY ("upstreamId") REFERENCES "Source"(id) ON UPDATE CASCADE ON DELETE SET NULL`,
  },
  Proposition_claimTypeId_fkey: {
    fromMigrations: composite(`"claimTypeId", "workspaceId"`, `"ClaimType"(id, "workspaceId")`, `"claimTypeId"`),
    fromSchema: `FOREIGN KEY ("claimTypeId") REFERENCES "ClaimType"(id) ON UPDATE CASCADE ON DELETE SET NULL`,
  },
};
const B = "schema_from_prisma";

async function recreate(name: string) {
  const c = admin();
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
}

async function catalog(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const q = async (sql: string) => (await c.query(sql)).rows;
  const result = {
    columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`),
    constraints: await q(`SELECT conrelid::regclass::text AS tbl, conname, contype, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
      ORDER BY 1, 2`),
    indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
      AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
    enums: await q(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      ORDER BY 1, 3`),
    extensions: await q(`SELECT extname FROM pg_extension ORDER BY 1`),
  };
  await c.end();
  return result;
}

describe("migrations match schema.prisma", () => {
  beforeAll(async () => {
    await recreate(A);
    await recreate(B);
  });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${A} WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS ${B} WITH (FORCE)`);
    await c.end();
  });

  it("are in Prisma's folder format", () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it("produce the same tables, columns, constraints, indexes and enums as the schema's DDL", async () => {
    const applied = await applyMigrations(urlFor(A));
    expect(applied.length).toBe(readMigrations().length);
    const ddl = await diffToSchema(urlFor(B));
    expect(ddl).toMatch(/CREATE TABLE "Annotation"/);
    const c = new pg.Client({ connectionString: urlFor(B) });
    await c.connect();
    await c.query(ddl);
    await c.end();
    const [fromMigrations, fromSchema] = await Promise.all([catalog(urlFor(A)), catalog(urlFor(B))]);
    expect(fromMigrations.columns.length).toBeGreaterThan(50);
    const handWritten = fromMigrations.constraints.filter((c) => MIGRATION_ONLY_CONSTRAINTS.includes(c.conname));
    expect(handWritten.map((c) => c.conname).sort()).toEqual([...MIGRATION_ONLY_CONSTRAINTS].sort());
    const definedBy = (rows: typeof fromSchema.constraints) =>
      Object.fromEntries(rows.filter((c) => c.conname in MIGRATION_DEFINED_FOREIGN_KEYS).map((c) => [c.conname, c.def]));
    const pick = (side: "fromMigrations" | "fromSchema") =>
      Object.fromEntries(Object.entries(MIGRATION_DEFINED_FOREIGN_KEYS).map(([name, d]) => [name, d[side]]));
    expect(definedBy(fromMigrations.constraints)).toEqual(pick("fromMigrations"));
    expect(definedBy(fromSchema.constraints)).toEqual(pick("fromSchema"));
    const rest = (rows: typeof fromSchema.constraints) =>
      rows.filter((c) => !MIGRATION_ONLY_CONSTRAINTS.includes(c.conname) && !(c.conname in MIGRATION_DEFINED_FOREIGN_KEYS));
    expect({ ...fromMigrations, constraints: rest(fromMigrations.constraints) }).toEqual({ ...fromSchema, constraints: rest(fromSchema.constraints) });
  });

  it("records applied migrations so a second run applies nothing", async () => {
    expect(await applyMigrations(urlFor(A))).toEqual([]);
  });
});
