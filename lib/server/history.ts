import "server-only";
import { visibleClaims } from "@/lib/server/visibility";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { describeAuditEvent, type FieldChange, type HistorySummary, idsToName, versionDetails, type VersionDetails } from "@/lib/domain/history-diff";
import type { Page } from "@/lib/api/pagination";
import { annotationSelect, toAnnotationView, updateAnnotation, type AnnotationView } from "@/lib/server/annotations";
import { AppError } from "@/lib/server/errors";
import { historyQuerySchema, revertAnnotationSchema } from "@/lib/validation/comments";

// The history of a claim or a proposition, read from the append-only audit log: who, when, what
// in words, and each changed field before → after. Reverting a claim re-applies an earlier
// version's details through updateAnnotation, so the version check, audit and live event are its.

/**
 * One audit event as a person reads it, worded at the edge (the interface per language, the API in
 * English: historyPageInEnglish). `id` is the event id (a decimal string), the cursor and the revert handle.
 */
export type HistoryEntry = {
  id: string;
  at: Date;
  who: { id: string; name: string } | null;
  action: string;
  summary: HistorySummary;
  changes: FieldChange[];
  /** The claim's version after this event, when the event recorded it. */
  version: number | null;
  /** "Revert to this version" applies: its details are known and differ from the claim's current ones. */
  revertible: boolean;
};
/** A page of history, with the entity's current state (a claim's version, and whether it is deleted). */
export type HistoryPage = Page<HistoryEntry> & { current: { version: number; deleted: boolean } | null };

const uuid = z.string().uuid();
type EntityType = "Annotation" | "Proposition";

/** Audit events of one entity, newest first, with the names their snapshots refer to: four queries a page. */
async function historyPage(actor: Actor, entityType: EntityType, entityId: string, input: unknown, current: VersionDetails | null) {
  const { workspaceId } = actor;
  const q = historyQuerySchema.parse(input);
  const db = getDb();
  const rows = await db.auditEvent.findMany({
    where: { workspaceId, entityType, entityId, ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}) },
    select: { id: true, action: true, entityType: true, before: true, after: true, at: true, actor: { select: { id: true, name: true } } },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const ids = idsToName(page);
  const [types, users, claims] = await Promise.all([
    ids.claimTypeIds.length ? db.claimType.findMany({ where: { workspaceId, id: { in: ids.claimTypeIds } }, select: { id: true, label: true } }) : [],
    ids.userIds.length ? db.user.findMany({ where: { id: { in: ids.userIds } }, select: { id: true, name: true } }) : [],
    ids.annotationIds.length
      ? db.annotation.findMany({ where: { workspaceId, id: { in: ids.annotationIds }, ...visibleClaims(actor) }, select: { id: true, exact: true } })
      : [],
  ]);
  const names = {
    claimTypes: Object.fromEntries(types.map((t) => [t.id, t.label])),
    users: Object.fromEntries(users.map((u) => [u.id, u.name])),
    claims: Object.fromEntries(claims.map((c) => [c.id, c.exact])),
  };
  const items = page.map((e): HistoryEntry => {
    const { summary, changes } = describeAuditEvent(e, names);
    const after = e.after as { version?: unknown } | null;
    const details = entityType === "Annotation" ? versionDetails(e.after) : null;
    return {
      id: e.id.toString(),
      at: e.at,
      who: e.actor,
      action: e.action,
      summary,
      changes,
      version: typeof after?.version === "number" ? after.version : null,
      revertible: details !== null && current !== null && !sameDetails(details, current),
    };
  });
  return { items, nextCursor: rows.length > q.limit ? (page.at(-1)?.id.toString() ?? null) : null };
}

/** Details compared as stored: the same type, speakers, modality, actors, fields and note, in order. */
function sameDetails(a: VersionDetails, b: VersionDetails): boolean {
  const canonical = (d: VersionDetails) =>
    JSON.stringify([
      d.claimTypeId,
      d.speakers.map((s) => ("entityId" in s ? `e:${s.entityId}` : `s:${s.sourceId}`)),
      d.modality,
      d.actorEntityIds,
      d.actors,
      d.fields.date ?? "",
      (d.fields.quantities ?? []).map((x) => [x.value, x.item ?? ""]),
      d.fields.item ?? "",
      d.note ?? "",
    ]);
  return canonical(a) === canonical(b);
}

/** A claim's history, deleted claims included (so they can be restored). */
export async function annotationHistory(actor: Actor, id: unknown, input: unknown = {}): Promise<HistoryPage> {
  assertCan(actor, "workspace.read");
  const parsed = uuid.safeParse(id);
  const row = parsed.success
    ? await getDb().annotation.findFirst({
        where: { id: parsed.data, workspaceId: actor.workspaceId, ...visibleClaims(actor) },
        select: { ...annotationSelect, deletedAt: true },
      })
    : null;
  if (!row) throw new AppError("not_found", "Claim not found", undefined, { key: "errors.claimNotFound" });
  const { deletedAt, ...claim } = toAnnotationView(row);
  // A deleted claim is restored first; only then can it go back to an earlier version.
  const page = await historyPage(actor, "Annotation", claim.id, input, deletedAt ? null : versionDetails(claim));
  return { ...page, current: { version: claim.version, deleted: deletedAt !== null } };
}

/** A proposition's history: edits, ratings, claims linked, re-stanced, moved and merged. */
export async function propositionHistory(actor: Actor, id: unknown, input: unknown = {}): Promise<HistoryPage> {
  assertCan(actor, "workspace.read");
  const parsed = uuid.safeParse(id);
  const found = parsed.success
    ? await getDb().proposition.findFirst({ where: { id: parsed.data, workspaceId: actor.workspaceId }, select: { id: true } })
    : null;
  if (!found) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
  return { ...(await historyPage(actor, "Proposition", found.id, input, null)), current: null };
}

/**
 * Revert a claim to the version an audit event produced: its type, speakers, modality, actors,
 * fields and note are saved again through updateAnnotation with `version` (the one read; a stale
 * one is a 409). The quote and position stay where the claim is now.
 */
export async function revertAnnotation(actor: Actor, input: unknown): Promise<AnnotationView> {
  assertCan(actor, "claims.write");
  const data = revertAnnotationSchema.parse(input);
  const db = getDb();
  const event = await db.auditEvent.findFirst({
    where: { id: BigInt(data.eventId), workspaceId: actor.workspaceId, entityType: "Annotation", entityId: data.id },
    select: { action: true, after: true },
  });
  if (!event) throw new AppError("not_found", "That version is not in this claim's history");
  const details = versionDetails(event.after);
  if (!details) {
    const message =
      "That history entry does not record the claim's details (only its position or state), so there is no version to go back to; choose an edit or the creation";
    throw new AppError("validation", message, { fields: { eventId: message } });
  }
  const row = await db.annotation.findFirst({
    where: { id: data.id, workspaceId: actor.workspaceId, deletedAt: null, ...visibleClaims(actor) },
    select: annotationSelect,
  });
  if (!row) throw new AppError("not_found", "Claim not found; it may have been deleted (restore it first)");
  const current = versionDetails(toAnnotationView(row));
  if (current && sameDetails(details, current)) throw new AppError("conflict", "The claim already has the details of that version; nothing to revert");
  try {
    return await updateAnnotation(actor, { ...details, id: data.id, version: data.version });
  } catch (err) {
    // A speaker, actor or claim type of that version was deleted or merged since.
    if (err instanceof AppError && err.code === "validation") {
      throw new AppError(
        "conflict",
        `That version cannot be restored as it was: ${err.message} (deleted or merged since). Edit the claim instead.`,
        err.details,
      );
    }
    throw err;
  }
}

/** An article's deleted claims, most recently deleted first, with who deleted them (two queries). */
export async function listDeletedClaims(actor: Actor, articleId: unknown) {
  assertCan(actor, "workspace.read");
  const parsed = uuid.safeParse(articleId);
  if (!parsed.success) throw new AppError("not_found", "Article not found", undefined, { key: "errors.articleNotFound" });
  const rows = await getDb().annotation.findMany({
    where: { workspaceId: actor.workspaceId, deletedAt: { not: null }, passage: { articleId: parsed.data }, ...visibleClaims(actor) },
    select: { id: true, exact: true, deletedAt: true, claimTypeId: true, passageId: true },
    orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
    take: 50,
  });
  const events = rows.length
    ? await getDb().auditEvent.findMany({
        where: { workspaceId: actor.workspaceId, entityType: "Annotation", action: "annotation.delete", entityId: { in: rows.map((r) => r.id) } },
        select: { entityId: true, at: true, actor: { select: { id: true, name: true } } },
        orderBy: { id: "desc" },
      })
    : [];
  const by = new Map<string, { id: string; name: string } | null>();
  for (const e of events) if (!by.has(e.entityId)) by.set(e.entityId, e.actor);
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt!, deletedBy: by.get(r.id) ?? null }));
}
