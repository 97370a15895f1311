// A backup brings a workspace back exactly: every row of every table, after a restore into a fresh database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, tablesWithRows } from "@/lib/db/backup";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { createAnnotation } from "@/lib/server/annotations";
import { createApiToken } from "@/lib/server/api-tokens";
import { createComment } from "@/lib/server/comments";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { listClaimTypes } from "@/lib/server/workspaces";
import { quoteSpan } from "@/lib/domain/anchoring";
import { importPassages, newUser } from "@/lib/test/helpers";

const PORT = 54393;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claims-backup-"));
// Run as root, the server runs as the `postgres` user, which must reach its folder.
fs.chmodSync(dir, 0o755);

/** Every row of every table and every sequence value, in a stable order, as PostgreSQL prints them. */
async function everything(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string[]> = {};
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1",
    );
    for (const { name } of tables.rows) {
      const rows = await client.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${name}" t ORDER BY 1`);
      out[name] = rows.rows.map((r) => r.j);
    }
    const seqs = await client.query<{ j: string }>("SELECT sequencename || '=' || coalesce(last_value::text, 'null') AS j FROM pg_sequences ORDER BY 1");
    out["(sequences)"] = seqs.rows.map((r) => r.j);
    out["(migrations)"] = (await client.query<{ j: string }>("SELECT migration_name AS j FROM _prisma_migrations ORDER BY 1")).rows.map((r) => r.j);
    return out;
  } finally {
    await client.end();
  }
}

describe("npm run backup / npm run restore", () => {
  let target: EmbeddedDatabase;
  let workspaceId: string;
  const file = path.join(dir, "claims.backup");
  const source = () => process.env.DATABASE_URL as string;

  beforeAll(async () => {
    const owner = await newUser("Backup desk");
    workspaceId = owner.workspace.id;
    const types = await listClaimTypes(owner.actor);
    const text = 'Wire says 🚀 Pyongyang "shipped" shells.\n\nMoscow denied it; Đức said ½ of it.';
    const { passages } = await importPassages(owner, text, { title: "Backup 'test'", publisher: "Outlet", origins: ["Wire"], publishedAt: "2024-02-29" });
    const claims = [];
    for (const [p, quote] of [
      [passages[0]!, 'Pyongyang "shipped" shells'],
      [passages[1]!, "Moscow denied it"],
    ] as const) {
      claims.push(
        await createAnnotation(owner.actor, {
          passageId: p.id,
          ...quoteSpan(p.text, quote),
          exact: quote,
          claimTypeId: types[0]!.id,
          modality: "REPORTED",
          note: "line one\nline two",
        }),
      );
    }
    const prop = await createPropositionFromClaim(owner.actor, { annotationId: claims[0]!.id, statement: "Shells were shipped", stance: "SUPPORTS" });
    await linkMention(owner.actor, { annotationId: claims[1]!.id, propositionId: prop.id, stance: "REFUTES" });
    await createComment(owner.actor, { targetType: "annotation", targetId: claims[0]!.id, body: "Check the wire's **source**" });
    await createApiToken(owner.actor, { name: "nightly", role: "VIEWER" });
    target = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: PORT, database: "restored" });
  });

  afterAll(async () => {
    await target?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restores into a fresh database every record of every table, the workspace's included", async () => {
    const summary = await backupDatabase(source(), file);
    expect(summary.rows).toBeGreaterThan(0);
    const before = await everything(source());

    const restored = await restoreDatabase(target.url, file);
    expect(restored.newerMigrations).toEqual([]);
    const after = await everything(target.url);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    // The workspace really is in it, with its claims, links, comments, tokens and audit trail.
    const ours = (table: string) => (after[table] ?? []).filter((j) => JSON.parse(j).workspaceId === workspaceId).length;
    for (const table of ["Article", "Passage", "Annotation", "Proposition", "MentionLink", "Comment", "ApiToken", "AuditEvent"]) {
      expect(ours(table), table).toBeGreaterThan(0);
    }
  });

  it("refuses to replace a database that holds data unless forced, and then replaces it", async () => {
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/already holds data.*--force/);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query(`UPDATE "Workspace" SET name = 'changed after the backup' WHERE id = $1`, [workspaceId]);
    await client.end();
    await restoreDatabase(target.url, file, { force: true });
    expect(await everything(target.url)).toEqual(await everything(source()));
  });

  it("leaves the database as it was when the file is cut short", async () => {
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, "cut.backup");
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const before = await tablesWithRows(target.url);
    await expect(restoreDatabase(target.url, cut, { force: true })).rejects.toThrow(/not a complete backup|ends early/);
    expect(await tablesWithRows(target.url)).toEqual(before);
  });
});
