// Backups that any PostgreSQL (the embedded 18, a configured 15 or 16) writes and reads with no
// client tools: pg_dump must be at least the server's version, and no pg_dump 18 can be installed
// here (the embedded package ships only the server). The file is gzip'd JSON Lines:
//   {"format":"claims-annotator-backup","version":1,...,"migrations":[...]}   header
//   ["table","Annotation",["id","workspaceId",...]]                             then its rows,
//   {"id":"…","workspaceId":"…",...}                                            one object each (row_to_json)
//   ["sequence","AuditEvent_id_seq",42]
//   ["end",{"Annotation":120,...}]                                              row counts: a cut file is refused
// The schema is not in the file: a restore rebuilds it from the migrations named in the header.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { finished } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { applyMigrations, MIGRATIONS_DIR, readMigrations, runMigrationsInTransaction } from "@/lib/db/migrate";

export const BACKUP_FORMAT = "claims-annotator-backup";
/** The file name a backup gets when none is given, in `dir`. */
export function defaultBackupFile(dir: string, now = new Date()): string {
  return path.join(dir, `claims-${now.toISOString().replace(/[:.]/g, "-").slice(0, 19)}.backup`);
}
const VERSION = 1;
/** Rows fetched or inserted per round trip. */
const BATCH = 500;
const HISTORY = "_prisma_migrations";

type Header = { format: string; version: number; createdAt: string; database: string; serverVersion: string; migrations: string[] };
export type BackupSummary = { file: string; tables: number; rows: number; bytes: number; migrations: number };
export type RestoreSummary = { tables: number; rows: number; migrations: string[]; newerMigrations: string[] };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The app's tables in the connection's schema, without the migration history. */
async function tableNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
    [HISTORY],
  );
  return rows.map((r) => r.name);
}

/** A table's columns in order, without generated ones (they cannot be written). */
async function columnNames(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

async function appliedMigrations(client: pg.Client): Promise<string[] | null> {
  const exists = await client.query("SELECT to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1)) AS t", [HISTORY]);
  if (!exists.rows[0]?.t) return null;
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${ident(HISTORY)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/**
 * Write every row of every table of the database at `url` to `file`, read in one snapshot
 * (REPEATABLE READ, READ ONLY) so the app may keep writing meanwhile. Streams: memory stays flat.
 * The file appears only when complete.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const client = await connect(url);
  const partial = `${file}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(partial);
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await new Promise((resolve) => gzip.once("drain", resolve));
  };
  const writeRaw = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await new Promise((resolve) => gzip.once("drain", resolve));
  };
  let rows = 0;
  let tables: string[] = [];
  let migrations: string[] = [];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const applied = await appliedMigrations(client);
    if (!applied?.length) throw new Error("this database has no migrations applied, so it holds no data of the app: nothing to back up");
    migrations = applied;
    const info = await client.query<{ db: string; version: string }>("SELECT current_database() AS db, current_setting('server_version') AS version");
    const header: Header = {
      format: BACKUP_FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      database: info.rows[0]?.db ?? "",
      serverVersion: info.rows[0]?.version ?? "",
      migrations,
    };
    await write(header);
    tables = await tableNames(client);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const columns = await columnNames(client, table);
      await write(["table", table, columns]);
      const list = columns.map(ident).join(", ");
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM (SELECT ${list} FROM ${ident(table)}) t`);
      let n = 0;
      for (;;) {
        const batch = await client.query<{ j: string }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const r of batch.rows) await writeRaw(r.j);
        n += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query("CLOSE backup_rows");
      counts[table] = n;
      rows += n;
    }
    const seqs = await client.query<{ name: string; value: string | null }>(
      "SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename",
    );
    for (const s of seqs.rows) await write(["sequence", s.name, s.value === null ? null : Number(s.value)]);
    await write(["end", counts]);
    await client.query("COMMIT");
    gzip.end();
    await finished(out);
    fs.renameSync(partial, file);
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    await client.end();
  }
  return { file, tables: tables.length, rows, bytes: fs.statSync(file).size, migrations: migrations.length };
}

/** Lines of a backup file, parsed; the header is checked first. */
async function* readBackup(file: string): AsyncGenerator<unknown> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) if (line) yield JSON.parse(line);
  } catch (err) {
    throw new Error(`${file} is not a complete backup (${(err as Error).message})`);
  }
}

function checkHeader(file: string, value: unknown): Header {
  const h = value as Partial<Header> | undefined;
  if (h?.format !== BACKUP_FORMAT) throw new Error(`${file} is not a backup made by \`npm run backup\``);
  if (h.version !== VERSION) throw new Error(`${file} is a backup of format ${h.version}; this version of the app reads format ${VERSION}`);
  return h as Header;
}

/** Rows in the app's tables of the database at `url`, by table (only tables that have any). */
export async function tablesWithRows(url: string): Promise<Record<string, number>> {
  const client = await connect(url);
  try {
    const out: Record<string, number> = {};
    for (const table of await tableNames(client)) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(table)}`);
      const n = rows[0]?.n ?? 0;
      if (n > 0) out[table] = n;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
async function insertOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.oid <> p.oid`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const r of rows) parents.get(r.child)?.add(r.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !placed.has(t)).join(", ")}`);
    for (const t of ready) {
      placed.add(t);
      order.push(t);
    }
  }
  return order;
}

/**
 * Restore `file` into the database at `url`: in one transaction (all or nothing), its schema
 * rebuilt from the backup's migrations, every row loaded and sequences set; then the app's newer
 * migrations applied. A database that holds any rows is refused unless `force`, which drops it first.
 */
export async function restoreDatabase(url: string, file: string, opts: { force?: boolean; migrationsDir?: string } = {}): Promise<RestoreSummary> {
  if (!fs.existsSync(file)) throw new Error(`no backup file at ${file}`);
  const lines = readBackup(file);
  try {
    return await restoreLines(url, file, lines, opts);
  } finally {
    await lines.return(undefined);
  }
}

async function restoreLines(
  url: string,
  file: string,
  lines: AsyncGenerator<unknown>,
  opts: { force?: boolean; migrationsDir?: string },
): Promise<RestoreSummary> {
  const dir = opts.migrationsDir ?? MIGRATIONS_DIR;
  const header = checkHeader(file, (await lines.next()).value);
  const known = new Set(readMigrations(dir).map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new Error(`this backup was made by a newer version of the app (it has migration ${unknown.join(", ")}, unknown here): update the app first`);
  }
  const filled = await tablesWithRows(url);
  if (Object.keys(filled).length && !opts.force) {
    const some = Object.entries(filled)
      .slice(0, 3)
      .map(([t, n]) => `${t}: ${n}`)
      .join(", ");
    throw new Error(`the database already holds data (${some}…); restoring replaces all of it. Run again with --force to do that.`);
  }

  const load = await connect(url);
  let rows = 0;
  let tables = 0;
  try {
    // One transaction from the drop to the last row: a backup that turns out cut or wrong halfway
    // leaves the database as it was.
    await load.query("BEGIN");
    // A clean slate: the schema comes back from the migrations, exactly as the backup had it.
    const schema = (await load.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]?.s ?? "public";
    await load.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE; CREATE SCHEMA ${ident(schema)}`);
    await runMigrationsInTransaction(load, header.migrations, dir);
    const staged: { table: string; columns: string[] }[] = [];
    let current: { stage: string; columns: string[]; batch: string[] } | undefined;
    const flush = async () => {
      if (!current?.batch.length) return;
      const list = current.columns.map(ident).join(", ");
      await load.query(`INSERT INTO ${ident(current.stage)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${ident(current.stage)}, $1::json)`, [
        `[${current.batch.join(",")}]`,
      ]);
      rows += current.batch.length;
      current.batch = [];
    };
    const sequences: [string, number | null][] = [];
    let counts: Record<string, number> | undefined;
    for await (const line of lines) {
      if (!Array.isArray(line)) {
        if (!current) throw new Error(`${file} has a row before any table`);
        current.batch.push(JSON.stringify(line));
        if (current.batch.length >= BATCH) await flush();
        continue;
      }
      const [kind, name, extra] = line as [string, string, unknown];
      if (kind === "table") {
        await flush();
        const columns = extra as string[];
        const have = await columnNames(load, name).catch(() => null);
        if (!have || have.join(",") !== columns.join(",")) throw new Error(`table ${name} in the backup does not match the schema its migrations build`);
        // Rows go to a copy without constraints first; each table is then filled in one statement,
        // parents before children, so foreign keys hold whatever order the rows came in.
        const stage = `restore_${staged.length}`;
        await load.query(`CREATE TEMP TABLE ${ident(stage)} (LIKE ${ident(name)}) ON COMMIT DROP`);
        staged.push({ table: name, columns });
        current = { stage, columns, batch: [] };
        tables += 1;
      } else if (kind === "sequence") {
        await flush();
        sequences.push([line[1] as string, line[2] as number | null]);
      } else if (kind === "end") {
        await flush();
        counts = line[1] as Record<string, number>;
      }
    }
    if (!counts) throw new Error(`${file} ends early: it is not a complete backup`);
    const byTable = new Map(staged.map((s, i) => [s.table, { ...s, stage: `restore_${i}` }]));
    for (const table of await insertOrder(load, [...byTable.keys()])) {
      const s = byTable.get(table);
      if (!s) continue;
      const list = s.columns.map(ident).join(", ");
      const res = await load.query(`INSERT INTO ${ident(table)} (${list}) SELECT ${list} FROM ${ident(s.stage)}`);
      if (res.rowCount !== (counts[table] ?? 0)) throw new Error(`table ${table}: the backup says ${counts[table]} rows, ${res.rowCount} were read`);
    }
    for (const [name, value] of sequences) {
      if (value !== null) await load.query("SELECT setval(quote_ident(current_schema()) || '.' || quote_ident($1), $2, true)", [name, value]);
    }
    await load.query("COMMIT");
  } catch (err) {
    await load.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await load.end();
  }
  const newerMigrations = await applyMigrations(url, dir);
  return { tables, rows, migrations: header.migrations, newerMigrations };
}
