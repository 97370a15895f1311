import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrate";

// The database's own guard rails (migration 20261201233217_workspace_guard_rails), in plain SQL so
// they hold whatever the services do: CHECK constraints, same-workspace composite foreign keys,
// deleting users, the append-only audit log, and the migration's fix-up of older rows.
const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_ADMIN_URL });
const urlFor = (db: string) => process.env.TEST_DATABASE_ADMIN_URL!.replace(/\/[^/]+$/, `/${db}`);
const DB = "guard_rails";
const GUARD_RAILS = "20261201233217_workspace_guard_rails";

async function recreate(name: string) {
  const c = admin();
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
}
async function drop(name: string) {
  const c = admin();
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

type Row = Record<string, unknown>;
const id = () => crypto.randomUUID();
const sha = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

/** INSERT one row; columns named as in the schema. */
function insertSql(table: string, row: Row): [string, unknown[]] {
  const cols = Object.keys(row);
  return [`INSERT INTO "${table}" (${cols.map((k) => `"${k}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`, Object.values(row)];
}

/** A user, and a workspace with one of everything, all pointing inside the workspace. */
async function seed(c: pg.Client, userId?: string) {
  const put = (table: string, row: Row) => c.query(...insertSql(table, row));
  const now = new Date();
  const u = userId ?? id();
  if (!userId) await put("User", { id: u, email: `${u}@example.test`, name: "Editor", passwordHash: "x" });
  const w = id();
  await put("Workspace", { id: w, name: "Desk", slug: `desk-${w}` });
  await put("Membership", { workspaceId: w, userId: u, role: "OWNER" });
  const ids = {
    user: u,
    workspace: w,
    source: id(),
    wire: id(),
    entity: id(),
    government: id(),
    claimType: id(),
    article: id(),
    passage: id(),
    annotation: id(),
    proposition: id(),
  };
  await put("Source", { id: ids.wire, workspaceId: w, name: "TASS", normalizedName: `tass ${w}` });
  await put("Source", { id: ids.source, workspaceId: w, name: "VnExpress", normalizedName: `vnexpress ${w}`, upstreamId: ids.wire });
  await put("Entity", { id: ids.government, workspaceId: w, name: "Kremlin" });
  await put("Entity", { id: ids.entity, workspaceId: w, name: "Peskov", speaksForId: ids.government });
  await put("EntityAlias", { id: id(), workspaceId: w, entityId: ids.entity, alias: "Peskov", normalizedAlias: "peskov" });
  await put("ClaimType", { id: ids.claimType, workspaceId: w, key: "denial", label: "Denial", color: "#1f77b4", shortcut: 2, position: 0 });
  await put("Article", { id: ids.article, workspaceId: w, publisherId: ids.source, title: "Summit", contentHash: `h-${w}`, updatedAt: now });
  await put("ArticleOrigin", { workspaceId: w, articleId: ids.article, sourceId: ids.wire, position: 0 });
  await put("Passage", { id: ids.passage, workspaceId: w, articleId: ids.article, position: 0, text: "Moscow denies it." });
  await put("Annotation", {
    id: ids.annotation,
    workspaceId: w,
    passageId: ids.passage,
    start: 0,
    end: 6,
    exact: "Moscow",
    prefix: "",
    suffix: " denies it.",
    claimTypeId: ids.claimType,
    authorId: u,
    updatedAt: now,
  });
  await put("AnnotationSpeaker", { id: id(), workspaceId: w, annotationId: ids.annotation, position: 0, entityId: ids.entity });
  await put("AnnotationActor", { workspaceId: w, annotationId: ids.annotation, entityId: ids.government, position: 0 });
  await put("Proposition", { id: ids.proposition, workspaceId: w, statement: "Moscow denies it", claimTypeId: ids.claimType, updatedAt: now });
  await put("MentionLink", { workspaceId: w, annotationId: ids.annotation, propositionId: ids.proposition, stance: "REFUTES" });
  await put("ApiToken", { id: id(), workspaceId: w, userId: u, name: "ci", tokenHash: sha(`token-${w}`), role: "VIEWER" });
  return ids;
}

type Seeded = Awaited<ReturnType<typeof seed>>;
let c: pg.Client;
let a: Seeded;
let b: Seeded;

async function failure(sql: string, params: unknown[] = []) {
  return c.query(sql, params).then(
    () => null,
    (e: pg.DatabaseError) => e,
  );
}
/** The statement is refused by exactly this constraint (23514 check, 23503 foreign key, 23001 restrict). */
async function refusedBy(constraint: string, code: string, sql: string, params: unknown[] = []) {
  const err = await failure(sql, params);
  expect(err, `expected ${constraint} to refuse: ${sql}`).not.toBeNull();
  expect({ code: err!.code, constraint: err!.constraint }).toEqual({ code, constraint });
}
const put = (table: string, row: Row) => c.query(...insertSql(table, row));
const putRefused = (constraint: string, code: string, table: string, row: Row) => refusedBy(constraint, code, ...insertSql(table, row));
const claim = (s: Seeded, over: Row = {}): Row => ({
  id: id(),
  workspaceId: s.workspace,
  passageId: s.passage,
  start: 0,
  end: 6,
  exact: "Moscow",
  prefix: "",
  suffix: "",
  claimTypeId: s.claimType,
  authorId: s.user,
  updatedAt: new Date(),
  ...over,
});

beforeAll(async () => {
  await recreate(DB);
  await applyMigrations(urlFor(DB));
  c = new pg.Client({ connectionString: urlFor(DB) });
  await c.connect();
  a = await seed(c);
  b = await seed(c);
});
afterAll(async () => {
  await c?.end();
  await drop(DB);
});

describe("CHECK constraints refuse rows the services never write", () => {
  it("accepts the valid rows of a whole workspace (the fixture) and a reversed rating scale", async () => {
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM "Annotation" WHERE "workspaceId" = $1`, [a.workspace]);
    expect(rows[0].n).toBe(1);
    await c.query(`UPDATE "Proposition" SET "ratingWorst" = 5, "ratingBest" = 1, "ratingValue" = 5 WHERE id = $1`, [a.proposition]);
    await c.query(`UPDATE "Proposition" SET "ratingWorst" = NULL, "ratingBest" = NULL, "ratingValue" = NULL WHERE id = $1`, [a.proposition]);
  });

  it.each([
    ["start = end (an empty span)", { start: 4, end: 4 }],
    ["start after end", { start: 7, end: 3 }],
    ["a negative start", { start: -1, end: 3 }],
  ])("Annotation_offsets_check: %s", async (_, over) => {
    await putRefused("Annotation_offsets_check", "23514", "Annotation", claim(a, over));
    await refusedBy("Annotation_offsets_check", "23514", `UPDATE "Annotation" SET "start" = $2, "end" = $3 WHERE id = $1`, [
      a.annotation,
      over.start,
      over.end,
    ]);
  });

  it("versions start at 1 (Annotation, Article)", async () => {
    await putRefused("Annotation_version_check", "23514", "Annotation", claim(a, { version: 0 }));
    await refusedBy("Annotation_version_check", "23514", `UPDATE "Annotation" SET version = 0 WHERE id = $1`, [a.annotation]);
    await refusedBy("Article_version_check", "23514", `UPDATE "Article" SET version = 0 WHERE id = $1`, [a.article]);
  });

  it.each([
    ["Passage_position_check", `UPDATE "Passage" SET position = -1 WHERE id = $1`, "passage"],
    ["ArticleOrigin_position_check", `UPDATE "ArticleOrigin" SET position = -1 WHERE "articleId" = $1`, "article"],
    ["AnnotationSpeaker_position_check", `UPDATE "AnnotationSpeaker" SET position = -1 WHERE "annotationId" = $1`, "annotation"],
    ["AnnotationActor_position_check", `UPDATE "AnnotationActor" SET position = -1 WHERE "annotationId" = $1`, "annotation"],
    ["ClaimType_position_check", `UPDATE "ClaimType" SET position = -1 WHERE id = $1`, "claimType"],
  ] as const)("%s: a negative position", async (constraint, sql, key) => {
    await refusedBy(constraint, "23514", sql, [a[key]]);
  });

  it("a negative passage position is refused on insert too", async () => {
    await putRefused("Passage_position_check", "23514", "Passage", { id: id(), workspaceId: a.workspace, articleId: a.article, position: -1, text: "x" });
  });

  it("ClaimType_shortcut_check: a shortcut is a number key 1–9, or none", async () => {
    for (const key of [0, 10, -3]) {
      await refusedBy("ClaimType_shortcut_check", "23514", `UPDATE "ClaimType" SET shortcut = $2 WHERE id = $1`, [a.claimType, key]);
    }
    await c.query(`UPDATE "ClaimType" SET shortcut = NULL WHERE id = $1`, [a.claimType]);
    await c.query(`UPDATE "ClaimType" SET shortcut = 9 WHERE id = $1`, [a.claimType]);
  });

  it.each([
    ["Proposition_rating_scale_check", "the same worst and best", [3, 3, null]],
    ["Proposition_rating_scale_check", "only one end of the scale", [1, null, null]],
    ["Proposition_rating_value_check", "a value above the scale", [1, 5, 6]],
    ["Proposition_rating_value_check", "a value below a reversed scale", [5, 1, 0]],
    ["Proposition_rating_value_check", "a value without a scale", [null, null, 2]],
  ] as const)("%s: %s", async (constraint, _, [worst, best, value]) => {
    await refusedBy(constraint, "23514", `UPDATE "Proposition" SET "ratingWorst" = $2, "ratingBest" = $3, "ratingValue" = $4 WHERE id = $1`, [
      a.proposition,
      worst,
      best,
      value,
    ]);
  });

  it("nothing relays or speaks for itself", async () => {
    await refusedBy("Source_upstream_not_self_check", "23514", `UPDATE "Source" SET "upstreamId" = id WHERE id = $1`, [a.source]);
    await refusedBy("Entity_speaks_for_not_self_check", "23514", `UPDATE "Entity" SET "speaksForId" = id WHERE id = $1`, [a.entity]);
  });

  it("ApiToken_token_hash_check: only a sha256 hex digest is stored, never the token", async () => {
    await putRefused("ApiToken_token_hash_check", "23514", "ApiToken", {
      id: id(),
      workspaceId: a.workspace,
      userId: a.user,
      name: "oops",
      tokenHash: "cat_plain-token",
      role: "VIEWER",
    });
  });
});

describe("composite foreign keys: no row points into another workspace", () => {
  it.each([
    ["a claim → a passage of another workspace", "Annotation", "Annotation_passageId_workspaceId_fkey", () => claim(a, { passageId: b.passage })],
    ["a claim → a claim type of another workspace", "Annotation", "Annotation_claimTypeId_workspaceId_fkey", () => claim(a, { claimTypeId: b.claimType })],
    [
      "an article origin → a source of another workspace",
      "ArticleOrigin",
      "ArticleOrigin_sourceId_workspaceId_fkey",
      () => ({ workspaceId: a.workspace, articleId: a.article, sourceId: b.source, position: 1 }),
    ],
    [
      "an article origin → an article of another workspace",
      "ArticleOrigin",
      "ArticleOrigin_articleId_workspaceId_fkey",
      () => ({ workspaceId: a.workspace, articleId: b.article, sourceId: a.source, position: 1 }),
    ],
    [
      "a mention link → a proposition of another workspace",
      "MentionLink",
      "MentionLink_propositionId_workspaceId_fkey",
      () => ({ workspaceId: a.workspace, annotationId: a.annotation, propositionId: b.proposition, stance: "SUPPORTS" }),
    ],
    [
      "a mention link → a claim of another workspace",
      "MentionLink",
      "MentionLink_annotationId_workspaceId_fkey",
      () => ({ workspaceId: a.workspace, annotationId: b.annotation, propositionId: a.proposition, stance: "SUPPORTS" }),
    ],
    [
      "a speaker → an entity of another workspace",
      "AnnotationSpeaker",
      "AnnotationSpeaker_entityId_workspaceId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, annotationId: a.annotation, position: 1, entityId: b.entity }),
    ],
    [
      "a speaker → a source of another workspace",
      "AnnotationSpeaker",
      "AnnotationSpeaker_sourceId_workspaceId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, annotationId: a.annotation, position: 1, sourceId: b.source }),
    ],
    [
      "a speaker → a claim of another workspace",
      "AnnotationSpeaker",
      "AnnotationSpeaker_annotationId_workspaceId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, annotationId: b.annotation, position: 1, entityId: a.entity }),
    ],
    [
      "an actor → an entity of another workspace",
      "AnnotationActor",
      "AnnotationActor_entityId_workspaceId_fkey",
      () => ({ workspaceId: a.workspace, annotationId: a.annotation, entityId: b.entity, position: 1 }),
    ],
    [
      "a passage → an article of another workspace",
      "Passage",
      "Passage_articleId_workspaceId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, articleId: b.article, position: 1, text: "x" }),
    ],
    [
      "an alias → an entity of another workspace",
      "EntityAlias",
      "EntityAlias_entityId_workspaceId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, entityId: b.entity, alias: "X", normalizedAlias: `x-${id()}` }),
    ],
    [
      "an article → a publisher of another workspace",
      "Article",
      "Article_publisherId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, publisherId: b.source, title: "t", contentHash: id(), updatedAt: new Date() }),
    ],
    [
      "a source → an upstream of another workspace",
      "Source",
      "Source_upstreamId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, name: "n", normalizedName: id(), upstreamId: b.wire }),
    ],
    [
      "a source → an entity of another workspace",
      "Source",
      "Source_entityId_workspaceId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, name: "n", normalizedName: id(), entityId: b.entity }),
    ],
    [
      "an entity → speaking for an entity of another workspace",
      "Entity",
      "Entity_speaksForId_workspaceId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, name: "n", speaksForId: b.government }),
    ],
    [
      "a proposition → a claim type of another workspace",
      "Proposition",
      "Proposition_claimTypeId_fkey",
      () => ({ id: id(), workspaceId: a.workspace, statement: "s", claimTypeId: b.claimType, updatedAt: new Date() }),
    ],
  ] as const)("refuses %s", async (_, table, constraint, row) => {
    await putRefused(constraint, "23503", table, row());
  });

  it("the same rows inside one workspace are accepted", async () => {
    const other = id();
    await put("Annotation", claim(a, { id: other, start: 7, end: 13, exact: "denies" }));
    await put("MentionLink", { workspaceId: a.workspace, annotationId: other, propositionId: a.proposition, stance: "SUPPORTS" });
    await put("AnnotationSpeaker", { id: id(), workspaceId: a.workspace, annotationId: other, position: 0, sourceId: a.source });
    await put("AnnotationActor", { workspaceId: a.workspace, annotationId: other, entityId: a.entity, position: 0 });
    await c.query(`DELETE FROM "Annotation" WHERE id = $1`, [other]);
  });

  it("refuses moving a row to another workspace, and re-pointing it into one", async () => {
    await refusedBy("Annotation_passageId_workspaceId_fkey", "23503", `UPDATE "Annotation" SET "workspaceId" = $2 WHERE id = $1`, [a.annotation, b.workspace]);
    await refusedBy("Article_publisherId_fkey", "23503", `UPDATE "Article" SET "publisherId" = $2 WHERE id = $1`, [a.article, b.source]);
    await refusedBy("MentionLink_propositionId_workspaceId_fkey", "23503", `UPDATE "MentionLink" SET "propositionId" = $2 WHERE "annotationId" = $1`, [
      a.annotation,
      b.proposition,
    ]);
  });

  it("deleting a publisher, an upstream or a claim type nulls only the link: workspaceId stays", async () => {
    const ws = await seed(c, a.user);
    const spare = id();
    await put("ClaimType", { id: spare, workspaceId: ws.workspace, key: "visit", label: "Visit", color: "#000000", position: 1 });
    await c.query(`UPDATE "Proposition" SET "claimTypeId" = $2 WHERE id = $1`, [ws.proposition, spare]);
    await c.query(`DELETE FROM "Source" WHERE id = $1`, [ws.source]); // publisher of the article
    await c.query(`DELETE FROM "ClaimType" WHERE id = $1`, [spare]);
    const article = await c.query(`SELECT "publisherId", "workspaceId" FROM "Article" WHERE id = $1`, [ws.article]);
    expect(article.rows).toEqual([{ publisherId: null, workspaceId: ws.workspace }]);
    const proposition = await c.query(`SELECT "claimTypeId", "workspaceId" FROM "Proposition" WHERE id = $1`, [ws.proposition]);
    expect(proposition.rows).toEqual([{ claimTypeId: null, workspaceId: ws.workspace }]);
    // The wire is an origin of the article (cascade) and upstream of nothing left; a relay of it loses its upstream.
    const relay = id();
    await put("Source", { id: relay, workspaceId: ws.workspace, name: "Relay", normalizedName: `relay ${relay}`, upstreamId: ws.wire });
    await c.query(`DELETE FROM "Source" WHERE id = $1`, [ws.wire]);
    expect((await c.query(`SELECT "upstreamId", "workspaceId" FROM "Source" WHERE id = $1`, [relay])).rows).toEqual([
      { upstreamId: null, workspaceId: ws.workspace },
    ]);
    expect((await c.query(`SELECT count(*)::int AS n FROM "ArticleOrigin" WHERE "articleId" = $1`, [ws.article])).rows[0].n).toBe(0);
    await c.query(`DELETE FROM "Workspace" WHERE id = $1`, [ws.workspace]);
  });

  it("an entity others speak for, or that names a source, is not deleted until those links are cleared (NoAction)", async () => {
    const ws = await seed(c, a.user);
    await c.query(`DELETE FROM "AnnotationActor" WHERE "entityId" = $1`, [ws.government]);
    await refusedBy("Entity_speaksForId_workspaceId_fkey", "23503", `DELETE FROM "Entity" WHERE id = $1`, [ws.government]);
    await c.query(`UPDATE "Entity" SET "speaksForId" = NULL WHERE id = $1`, [ws.entity]);
    await c.query(`UPDATE "Source" SET "entityId" = $2 WHERE id = $1`, [ws.wire, ws.government]);
    await refusedBy("Source_entityId_workspaceId_fkey", "23503", `DELETE FROM "Entity" WHERE id = $1`, [ws.government]);
    await c.query(`UPDATE "Source" SET "entityId" = NULL WHERE id = $1`, [ws.wire]);
    await c.query(`DELETE FROM "Entity" WHERE id = $1`, [ws.government]);
    await c.query(`DELETE FROM "Workspace" WHERE id = $1`, [ws.workspace]);
  });

  it("deleting a workspace still removes everything in it, audit events included", async () => {
    const ws = await seed(c, a.user);
    await put("AuditEvent", { workspaceId: ws.workspace, actorId: a.user, action: "article.create", entityType: "Article", entityId: ws.article });
    await put("Comment", { id: id(), workspaceId: ws.workspace, authorId: a.user, targetType: "Annotation", targetId: ws.annotation, body: "?" });
    await c.query(`DELETE FROM "Workspace" WHERE id = $1`, [ws.workspace]);
    const left = await c.query(
      `
      SELECT (SELECT count(*) FROM "Annotation" WHERE "workspaceId" = $1) + (SELECT count(*) FROM "Source" WHERE "workspaceId" = $1)
           + (SELECT count(*) FROM "Entity" WHERE "workspaceId" = $1) + (SELECT count(*) FROM "AuditEvent" WHERE "workspaceId" = $1)
           + (SELECT count(*) FROM "MentionLink" WHERE "workspaceId" = $1) + (SELECT count(*) FROM "Comment" WHERE "workspaceId" = $1) AS n`,
      [ws.workspace],
    );
    expect(Number(left.rows[0].n)).toBe(0);
  });
});

describe("deleting a user", () => {
  async function userWithHistory() {
    const u = id();
    await put("User", { id: u, email: `${u}@example.test`, name: "Leaver", passwordHash: "x" });
    await put("Membership", { workspaceId: a.workspace, userId: u, role: "EDITOR" });
    await put("ApiToken", { id: id(), workspaceId: a.workspace, userId: u, name: "t", tokenHash: sha(u), role: "VIEWER" });
    const events = [];
    for (const action of ["article.update", "proposition.update"]) {
      const [sql, params] = insertSql("AuditEvent", {
        workspaceId: a.workspace,
        actorId: u,
        action,
        entityType: "Article",
        entityId: a.article,
        before: { title: "a" },
        after: { title: "b" },
      });
      events.push((await c.query(`${sql} RETURNING *`, params)).rows[0]);
    }
    return { u, events };
  }

  it("keeps their audit events, with actorId NULL and nothing else changed", async () => {
    const { u, events } = await userWithHistory();
    await c.query(`UPDATE "Proposition" SET "reviewerId" = $2, "ratingLabel" = 'False' WHERE id = $1`, [a.proposition, u]);
    await c.query(`DELETE FROM "User" WHERE id = $1`, [u]);
    const kept = await c.query(`SELECT * FROM "AuditEvent" WHERE id = ANY($1::bigint[]) ORDER BY id`, [events.map((e) => e.id)]);
    expect(kept.rows).toEqual(events.map((e) => ({ ...e, actorId: null })));
    expect((await c.query(`SELECT count(*)::int AS n FROM "Membership" WHERE "userId" = $1`, [u])).rows[0].n).toBe(0);
    expect((await c.query(`SELECT count(*)::int AS n FROM "ApiToken" WHERE "userId" = $1`, [u])).rows[0].n).toBe(0);
    expect((await c.query(`SELECT "reviewerId", "ratingLabel" FROM "Proposition" WHERE id = $1`, [a.proposition])).rows).toEqual([
      { reviewerId: null, ratingLabel: "False" },
    ]);
  });

  it("is refused, with a foreign-key error, while they authored claims or comments (claims are never cascade-deleted)", async () => {
    const author = id();
    await put("User", { id: author, email: `${author}@example.test`, name: "Author", passwordHash: "x" });
    const mine = id();
    await put("Annotation", claim(a, { id: mine, authorId: author, start: 7, end: 13, exact: "denies" }));
    // ON DELETE RESTRICT reports restrict_violation (23001), naming the foreign key.
    await refusedBy("Annotation_authorId_fkey", "23001", `DELETE FROM "User" WHERE id = $1`, [author]);
    await c.query(`DELETE FROM "Annotation" WHERE id = $1`, [mine]);
    await put("Comment", { id: id(), workspaceId: a.workspace, authorId: author, targetType: "Annotation", targetId: a.annotation, body: "Source?" });
    await refusedBy("Comment_authorId_fkey", "23001", `DELETE FROM "User" WHERE id = $1`, [author]);
    expect((await c.query(`SELECT count(*)::int AS n FROM "User" WHERE id = $1`, [author])).rows[0].n).toBe(1);
  });
});

describe("the audit log stays append-only", () => {
  let event: { id: string; actorId: string };
  beforeAll(async () => {
    const r = await c.query(
      `INSERT INTO "AuditEvent" ("workspaceId", "actorId", action, "entityType", "entityId") VALUES ($1, $2, 'annotation.create', 'Annotation', $3) RETURNING id, "actorId"`,
      [a.workspace, a.user, a.annotation],
    );
    event = r.rows[0];
  });
  const refusedAppendOnly = async (sql: string, params: unknown[]) => {
    const err = await failure(sql, params);
    expect(err?.message).toMatch(/AuditEvent is append-only/);
    expect(err?.code).toBe("42501");
  };

  it("refuses a direct UPDATE of the action", async () => {
    await refusedAppendOnly(`UPDATE "AuditEvent" SET action = 'annotation.delete' WHERE id = $1`, [event.id]);
  });
  it("refuses clearing actorId together with any other change, or pointing it at someone else", async () => {
    await refusedAppendOnly(`UPDATE "AuditEvent" SET "actorId" = NULL, after = '{"x":1}' WHERE id = $1`, [event.id]);
    await refusedAppendOnly(`UPDATE "AuditEvent" SET "actorId" = $2 WHERE id = $1`, [event.id, b.user]);
    await refusedAppendOnly(`UPDATE "AuditEvent" SET "at" = now() - interval '1 day' WHERE id = $1`, [event.id]);
  });
  it("refuses a DELETE while the workspace exists", async () => {
    await refusedAppendOnly(`DELETE FROM "AuditEvent" WHERE id = $1`, [event.id]);
    expect((await c.query(`SELECT action, "actorId" FROM "AuditEvent" WHERE id = $1`, [event.id])).rows).toEqual([
      { action: "annotation.create", actorId: a.user },
    ]);
  });
});

describe("the migration fixes older rows first", () => {
  const OLD = "guard_rails_before";
  let dir: string;
  beforeAll(() => {
    // The migrations folder as it was before the guard rails.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
    for (const m of readMigrations().filter((m) => m.name < GUARD_RAILS)) {
      fs.mkdirSync(path.join(dir, m.name));
      fs.copyFileSync(path.join(MIGRATIONS_DIR, m.name, "migration.sql"), path.join(dir, m.name, "migration.sql"));
    }
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await drop(OLD);
  });

  it("keeps every claim, orphaning one whose offsets are not a span, and renumbers positions in order", async () => {
    await recreate(OLD);
    await applyMigrations(urlFor(OLD), dir);
    const o = new pg.Client({ connectionString: urlFor(OLD) });
    await o.connect();
    try {
      const s = await seed(o);
      const q = (sql: string, p: unknown[] = []) => o.query(sql, p);
      const broken = id();
      await q(...insertSql("Annotation", claim(s, { id: broken, start: 9, end: 4, exact: "denies", version: 0 })));
      await q(`UPDATE "Article" SET version = 0 WHERE id = $1`, [s.article]);
      const second = id();
      await q(`UPDATE "Passage" SET position = -1 WHERE id = $1`, [s.passage]);
      await q(...insertSql("Passage", { id: second, workspaceId: s.workspace, articleId: s.article, position: 0, text: "Second." }));
      await q(`UPDATE "ClaimType" SET shortcut = 12, position = -4 WHERE id = $1`, [s.claimType]);
      await q(`UPDATE "Proposition" SET "ratingWorst" = 1, "ratingBest" = 5, "ratingValue" = 9, "ratingLabel" = 'False' WHERE id = $1`, [s.proposition]);
      await q(`UPDATE "Source" SET "upstreamId" = id WHERE id = $1`, [s.wire]);
      await q(`UPDATE "ApiToken" SET "tokenHash" = 'plain-token' WHERE "workspaceId" = $1`, [s.workspace]);
      const elsewhere = await seed(o, s.user);
      await q(`UPDATE "Article" SET "publisherId" = $2 WHERE id = $1`, [s.article, elsewhere.source]);

      expect(await applyMigrations(urlFor(OLD))).toEqual(
        readMigrations()
          .filter((m) => m.name >= GUARD_RAILS)
          .map((m) => m.name),
      );

      const claims = await q(`SELECT id, start, "end", exact, orphaned, version FROM "Annotation" WHERE "workspaceId" = $1 ORDER BY start, id`, [s.workspace]);
      expect(claims.rows).toHaveLength(2);
      expect(claims.rows.find((r) => r.id === broken)).toEqual({ id: broken, start: 9, end: 15, exact: "denies", orphaned: true, version: 2 });
      expect((await q(`SELECT id, position FROM "Passage" WHERE "articleId" = $1 ORDER BY position`, [s.article])).rows).toEqual([
        { id: s.passage, position: 0 },
        { id: second, position: 1 },
      ]);
      expect((await q(`SELECT version, "publisherId" FROM "Article" WHERE id = $1`, [s.article])).rows).toEqual([{ version: 1, publisherId: null }]);
      expect((await q(`SELECT shortcut, position FROM "ClaimType" WHERE id = $1`, [s.claimType])).rows).toEqual([{ shortcut: null, position: 0 }]);
      expect((await q(`SELECT "ratingLabel", "ratingWorst", "ratingBest", "ratingValue" FROM "Proposition" WHERE id = $1`, [s.proposition])).rows).toEqual([
        { ratingLabel: "False", ratingWorst: 1, ratingBest: 5, ratingValue: null },
      ]);
      expect((await q(`SELECT "upstreamId" FROM "Source" WHERE id = $1`, [s.wire])).rows).toEqual([{ upstreamId: null }]);
      expect((await q(`SELECT "tokenHash" FROM "ApiToken" WHERE "workspaceId" = $1`, [s.workspace])).rows).toEqual([{ tokenHash: sha("plain-token") }]);
    } finally {
      await o.end();
    }
  });

  it("stops, changing nothing, when a claim points into another workspace", async () => {
    await recreate(OLD);
    await applyMigrations(urlFor(OLD), dir);
    const o = new pg.Client({ connectionString: urlFor(OLD) });
    await o.connect();
    try {
      const s = await seed(o);
      const t = await seed(o, s.user);
      await o.query(`UPDATE "Annotation" SET "passageId" = $2 WHERE id = $1`, [s.annotation, t.passage]);
      await expect(applyMigrations(urlFor(OLD))).rejects.toThrow(/another workspace \(Annotation\.passageId: 1\)/);
      const applied = await o.query(`SELECT migration_name FROM "_prisma_migrations" WHERE migration_name = $1`, [GUARD_RAILS]);
      expect(applied.rows).toEqual([]);
      const constraint = await o.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'Annotation_offsets_check'`);
      expect(constraint.rows[0].n).toBe(0);
    } finally {
      await o.end();
    }
  });
});
