import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/membership";
import type { Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { guessSourceKind } from "@/lib/domain/source-kinds";
import type { EntityKind, SourceKind } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

// Sources and entities that imports name, found or created inside the import's transaction.
// Imports running side by side must share a new name instead of failing on its unique index, so
// every insert here is `ON CONFLICT DO NOTHING` (Prisma's skipDuplicates): a name another
// transaction is inserting waits for that transaction, then its committed row is read. Names go
// in folded order, so two imports never wait on each other in a cycle. Only the transaction that
// inserted a row audits it. Callers assert the capability (article or claim import).

/** A name an import wants, with the kind a row created for it gets. */
export type WantedName<K> = { name: string; kind?: K };
/** What a name resolved to; `created` when this transaction inserted it. */
export type NamedRecord = { id: string; name: string; created: boolean };

// Rows per statement, well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 1000;

/** Wanted names by folded key (first spelling wins), keys sorted. */
function byFoldedName<K>(wanted: Iterable<WantedName<K>>): [string, WantedName<K>][] {
  const out = new Map<string, WantedName<K>>();
  for (const w of wanted) {
    const key = foldForMatch(w.name);
    if (!out.has(key)) out.set(key, w);
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

// A row another transaction inserted and then deleted before this one read it: very rare, and the
// import cannot point at it, so it stops with nothing written.
function lost(what: "source" | "entity", names: string[]): AppError {
  const name = names[0];
  return new AppError(
    "conflict",
    what === "source"
      ? `The source “${name}” was deleted while this import ran; nothing was imported. Try again.`
      : `The entity “${name}” was deleted while this import ran; nothing was imported. Try again.`,
  );
}

/** Sources by folded name (case and accents ignored), created with `kind` (else guessed) when missing. */
export async function getOrCreateSources(tx: Tx, actor: Actor, wanted: Iterable<WantedName<SourceKind>>): Promise<Map<string, NamedRecord>> {
  const { workspaceId } = actor;
  const out = new Map<string, NamedRecord>();
  for (const chunk of chunks(byFoldedName(wanted))) {
    const created = await tx.source.createManyAndReturn({
      data: chunk.map(([normalizedName, w]) => ({ workspaceId, name: w.name, normalizedName, kind: w.kind ?? guessSourceKind(w.name) })),
      skipDuplicates: true,
      select: { id: true, name: true, kind: true, normalizedName: true },
    });
    for (const s of created) out.set(s.normalizedName, { id: s.id, name: s.name, created: true });
    if (created.length) {
      await tx.auditEvent.createMany({
        data: created.map((s) => auditData(actor, "source.create", "Source", s.id, { id: s.id, name: s.name, kind: s.kind })),
      });
    }
    const existing = chunk.flatMap(([key]) => (out.has(key) ? [] : [key]));
    if (existing.length) {
      const found = await tx.source.findMany({
        where: { workspaceId, normalizedName: { in: existing } },
        select: { id: true, name: true, normalizedName: true },
      });
      for (const s of found) out.set(s.normalizedName, { id: s.id, name: s.name, created: false });
    }
    const missing = chunk.flatMap(([key, w]) => (out.has(key) ? [] : [w.name]));
    if (missing.length) throw lost("source", missing);
  }
  return out;
}

/**
 * Entities by one of their aliases (folded), created when missing with the name as their first
 * alias. The alias is what is unique, and it needs its entity first: so the entities are inserted,
 * then their aliases with ON CONFLICT DO NOTHING; an entity whose alias another transaction took
 * meanwhile is deleted again (nothing points at it yet) and that transaction's entity is used.
 */
export async function getOrCreateEntities(tx: Tx, actor: Actor, wanted: Iterable<WantedName<EntityKind>>): Promise<Map<string, NamedRecord>> {
  const { workspaceId } = actor;
  const out = new Map<string, NamedRecord>();
  // Entities that already have these aliases (another import's included, once it committed).
  const existingByAlias = async (keys: string[]) => {
    const rows = await tx.entityAlias.findMany({
      where: { workspaceId, normalizedAlias: { in: keys } },
      select: { normalizedAlias: true, entity: { select: { id: true, name: true } } },
    });
    for (const a of rows) out.set(a.normalizedAlias, { ...a.entity, created: false });
  };
  for (const chunk of chunks(byFoldedName(wanted))) {
    await existingByAlias(chunk.map(([key]) => key));
    const fresh = chunk.flatMap(([key, w]) => (out.has(key) ? [] : [{ key, id: randomUUID(), name: w.name, kind: w.kind ?? "OTHER" }]));
    if (fresh.length === 0) continue;
    await tx.entity.createMany({ data: fresh.map((e) => ({ id: e.id, workspaceId, name: e.name, kind: e.kind })) });
    const kept = await tx.entityAlias.createManyAndReturn({
      data: fresh.map((e) => ({ workspaceId, entityId: e.id, alias: e.name, normalizedAlias: e.key })),
      skipDuplicates: true,
      select: { normalizedAlias: true },
    });
    const keptKeys = new Set(kept.map((a) => a.normalizedAlias));
    const won = fresh.filter((e) => keptKeys.has(e.key));
    const beaten = fresh.filter((e) => !keptKeys.has(e.key));
    for (const e of won) out.set(e.key, { id: e.id, name: e.name, created: true });
    if (won.length) {
      await tx.auditEvent.createMany({ data: won.map((e) => auditData(actor, "entity.create", "Entity", e.id, { id: e.id, name: e.name, kind: e.kind })) });
    }
    if (beaten.length) {
      await tx.entity.deleteMany({ where: { workspaceId, id: { in: beaten.map((e) => e.id) } } });
      await existingByAlias(beaten.map((e) => e.key));
    }
    const missing = beaten.flatMap((e) => (out.has(e.key) ? [] : [e.name]));
    if (missing.length) throw lost("entity", missing);
  }
  return out;
}

const auditData = (actor: Actor, action: string, entityType: string, entityId: string, after: Record<string, string>) => ({
  workspaceId: actor.workspaceId,
  actorId: actor.userId,
  action,
  entityType,
  entityId,
  after,
});
