import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { checkSelector, quoteCutter, quoteSelector, reanchor } from "@/lib/domain/anchoring";
import { foldForMatch } from "@/lib/domain/claim-types";
import { formatClaimDate, parseClaimDate } from "@/lib/domain/details/dates";
import { parseQuantity } from "@/lib/domain/details/quantities";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { insertClaim } from "@/lib/server/claim-create";
import { emitClaimChange } from "@/lib/server/events";
import { reanchoredFields } from "@/lib/server/reanchor-fields";
import { reopenAfterEdit } from "@/lib/server/review-on-edit";
import { AppError } from "@/lib/server/errors";
import { versionSchema } from "@/lib/validation/numbers";
import { assertSessionOpen, claimSessionSelect, visibleClaims } from "@/lib/server/visibility";
import { type claimDetailsSchema, createAnnotationSchema, updateAnnotationSchema } from "@/lib/validation/schemas";

export const annotationSelect = {
  id: true,
  passageId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  claimTypeId: true,
  modality: true,
  actors: true,
  fields: true,
  note: true,
  status: true,
  reviewedAt: true,
  reviewReason: true,
  reviewedBy: { select: { id: true, name: true } },
  orphaned: true,
  needsReview: true,
  anchorReview: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  sessionId: true,
  reconciled: true,
  speakers: { select: { entity: { select: { id: true, name: true } }, source: { select: { id: true, name: true } } }, orderBy: { position: "asc" } },
  actorEntities: { select: { entity: { select: { id: true, name: true } } }, orderBy: { position: "asc" } },
  author: { select: { id: true, name: true } },
  mentions: { select: { stance: true, proposition: { select: { id: true, statement: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.AnnotationSelect;

type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;
export type SpeakerView = { type: "entity" | "source"; id: string; name: string };
export type AnnotationView = Omit<AnnotationRow, "speakers" | "actorEntities"> & { speakers: SpeakerView[]; actorEntities: { id: string; name: string }[] };

/** A stored claim as services answer it: speakers and entity actors flattened, in order. */
export function toAnnotationView<T extends AnnotationRow>(row: T): Omit<T, "speakers" | "actorEntities"> & Pick<AnnotationView, "speakers" | "actorEntities"> {
  const { speakers, actorEntities, ...rest } = row;
  return {
    ...rest,
    speakers: speakers.map((s) => (s.entity ? { type: "entity" as const, ...s.entity } : { type: "source" as const, ...s.source! })),
    actorEntities: actorEntities.map((a) => a.entity),
  };
}

const uuid = z.string().uuid();

/** A stored claim's details in the shape create and update take (for partial updates). */
export function detailsOf(a: Pick<AnnotationView, "claimTypeId" | "speakers" | "modality" | "actorEntities" | "actors" | "fields" | "note">) {
  const f = (a.fields ?? {}) as { date?: string; quantities?: { value: string; item?: string }[]; item?: string };
  return {
    claimTypeId: a.claimTypeId,
    speakers: a.speakers.map((s) => (s.type === "entity" ? { entityId: s.id } : { sourceId: s.id })),
    modality: a.modality,
    actorEntityIds: a.actorEntities.map((e) => e.id),
    actors: a.actors,
    fields: { ...(f.date ? { date: f.date } : {}), ...(f.quantities?.length ? { quantities: f.quantities } : {}), ...(f.item ? { item: f.item } : {}) },
    note: a.note ?? undefined,
  };
}

/**
 * Mark a claim: offsets are code points into the passage's NFC text, checked against it. Two
 * statements, no interactive transaction (lib/server/claim-create.ts).
 */
export async function createAnnotation(actor: Actor, input: unknown): Promise<AnnotationView> {
  assertCan(actor, "claims.write");
  return insertClaim(actor, createAnnotationSchema.parse(input));
}

/** Edit a claim's details. `version` must be the one the editor started from. */
export async function updateAnnotation(actor: Actor, input: unknown): Promise<AnnotationView> {
  assertCan(actor, "claims.write");
  const { workspaceId } = actor;
  const data = updateAnnotationSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const row = await tx.annotation.findFirst({
      where: { id: data.id, workspaceId, deletedAt: null, ...visibleClaims(actor) },
      select: { ...annotationSelect, ...claimSessionSelect, passage: { select: { article: { select: { publishedAt: true } } } } },
    });
    if (!row) throw new AppError("not_found", "Claim not found; it may have been deleted", undefined, { key: "errors.claimGone" });
    assertSessionOpen(row);
    const { passage, session: _s, ...beforeRow } = row;
    const before = toAnnotationView(beforeRow);
    const { links, ...details } = await resolveDetails(tx, actor, data, passage.article.publishedAt);
    const { count } = await tx.annotation.updateMany({
      where: { id: data.id, workspaceId, version: data.version, deletedAt: null },
      data: { ...details, searchText: foldForMatch(`${before.exact} ${details.note ?? ""}`), version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict(before);
    await writeLinks(tx, workspaceId, data.id, links, true);
    // An approved claim whose details change goes back to the review queue (lib/server/review-on-edit.ts).
    const after = await reopenAfterEdit(
      tx,
      actor,
      before,
      toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: data.id }, select: annotationSelect })),
    );
    await audit(tx, actor, "annotation.update", "Annotation", data.id, before, after);
    await emitClaimChange(tx, actor, "annotation.updated", data.id, after.version);
    return after;
  });
}

/** Delete a claim (kept for undo and the audit trail). */
export async function deleteAnnotation(actor: Actor, id: unknown, version: unknown) {
  assertCan(actor, "claims.write");
  const { workspaceId } = actor;
  const annotationId = parseId(id);
  const expected = versionSchema.parse(version);
  return getDb().$transaction(async (tx) => {
    const row = await tx.annotation.findFirst({
      where: { id: annotationId, workspaceId, deletedAt: null, ...visibleClaims(actor) },
      select: { ...annotationSelect, ...claimSessionSelect },
    });
    if (!row) throw new AppError("not_found", "Claim not found; it may already be deleted");
    assertSessionOpen(row);
    const { session: _s, ...found } = row;
    const before = toAnnotationView(found);
    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, workspaceId, version: expected, deletedAt: null },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict(before);
    await audit(tx, actor, "annotation.delete", "Annotation", annotationId, before, undefined);
    await emitClaimChange(tx, actor, "annotation.deleted", annotationId, before.version + 1);
    return { id: annotationId };
  });
}

/** Undo a delete. */
export async function restoreAnnotation(actor: Actor, id: unknown): Promise<AnnotationView> {
  assertCan(actor, "claims.write");
  const { workspaceId } = actor;
  const annotationId = parseId(id);
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: {
        id: annotationId,
        workspaceId,
        deletedAt: { not: null },
        ...visibleClaims(actor),
        OR: [{ sessionId: null }, { reconciled: true }, { session: { closedAt: null } }],
      },
      data: { deletedAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("not_found", "There is no deleted claim to restore");
    await reanchorRestored(tx, annotationId);
    const after = toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect }));
    await audit(tx, actor, "annotation.restore", "Annotation", annotationId, undefined, after);
    await emitClaimChange(tx, actor, "annotation.restored", annotationId, after.version);
    return after;
  });
}

// The paragraph may have been corrected while the claim was deleted: anchor it to the current
// text again (uncertain → needs review), or keep it as orphaned, never on the wrong words.
async function reanchorRestored(tx: Tx, annotationId: string) {
  const a = await tx.annotation.findUniqueOrThrow({
    where: { id: annotationId },
    select: { start: true, end: true, exact: true, prefix: true, suffix: true, orphaned: true, needsReview: true, passage: { select: { text: true } } },
  });
  if (checkSelector(a.passage.text, { start: a.start, end: a.end, exact: a.exact }).ok) return;
  await tx.annotation.update({ where: { id: annotationId }, data: reanchoredFields(quoteCutter(a.passage.text), a, reanchor(a.passage.text, a)) });
}

const anchorFixSchema = z.object({
  id: z.string().uuid(),
  version: z.number("version must be a number").int().min(1).max(2_147_483_647),
});
const remarkSchema = anchorFixSchema.extend({
  start: z.number().int().min(0, "start must be 0 or more"),
  end: z.number().int().min(1, "end must be 1 or more"),
  exact: z.string().max(20_000).optional(),
});

/** A person confirms an uncertain re-anchoring: the claim counts again at the words it shows. */
export async function confirmAnchor(actor: Actor, input: unknown): Promise<AnnotationView> {
  assertCan(actor, "claims.write");
  const { workspaceId } = actor;
  const data = anchorFixSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const row = await tx.annotation.findFirst({
      where: { id: data.id, workspaceId, deletedAt: null, ...visibleClaims(actor) },
      select: { ...annotationSelect, ...claimSessionSelect },
    });
    if (!row) throw new AppError("not_found", "Claim not found; it may have been deleted", undefined, { key: "errors.claimGone" });
    assertSessionOpen(row);
    const { session: _s, ...found } = row;
    const before = toAnnotationView(found);
    if (!before.needsReview) throw new AppError("conflict", "This claim is not waiting for review; nothing to confirm", { currentVersion: before.version });
    const { count } = await tx.annotation.updateMany({
      where: { id: data.id, workspaceId, version: data.version, needsReview: true },
      data: { needsReview: false, anchorReview: Prisma.DbNull, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict(before);
    const after = toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: data.id }, select: annotationSelect }));
    await audit(
      tx,
      actor,
      "annotation.confirm_anchor",
      "Annotation",
      data.id,
      { needsReview: true, anchorReview: found.anchorReview, exact: before.exact },
      { needsReview: false, version: after.version },
    );
    await emitClaimChange(tx, actor, "annotation.updated", data.id, after.version);
    return after;
  });
}

/**
 * Re-mark a claim that needs review or is orphaned on new words of its paragraph (offsets in code
 * points, checked against the text as on creation): it counts again from there.
 */
export async function remarkAnnotation(actor: Actor, input: unknown): Promise<AnnotationView> {
  assertCan(actor, "claims.write");
  const { workspaceId } = actor;
  const data = remarkSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const found = await tx.annotation.findFirst({
      where: { id: data.id, workspaceId, deletedAt: null, ...visibleClaims(actor) },
      select: { ...annotationSelect, ...claimSessionSelect, passage: { select: { text: true } } },
    });
    if (!found) throw new AppError("not_found", "Claim not found; it may have been deleted", undefined, { key: "errors.claimGone" });
    assertSessionOpen(found);
    const { passage, session: _s, ...row } = found;
    const before = toAnnotationView(row);
    const check = checkSelector(passage.text, data);
    if (!check.ok)
      throw new AppError("bad_request", check.reason, {
        fields: { [data.exact !== undefined && check.reason.startsWith("quote") ? "exact" : "start"]: check.reason },
      });
    const quote = quoteSelector(passage.text, data.start, data.end);
    const { count } = await tx.annotation.updateMany({
      where: { id: data.id, workspaceId, version: data.version, deletedAt: null },
      data: {
        start: data.start,
        end: data.end,
        ...quote,
        searchText: foldForMatch(`${quote.exact} ${before.note ?? ""}`),
        orphaned: false,
        needsReview: false,
        anchorReview: Prisma.DbNull,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw versionConflict(before);
    const after = toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: data.id }, select: annotationSelect }));
    await audit(
      tx,
      actor,
      "annotation.remark",
      "Annotation",
      data.id,
      { start: before.start, end: before.end, exact: before.exact, orphaned: before.orphaned, needsReview: before.needsReview },
      { start: after.start, end: after.end, exact: after.exact, version: after.version },
    );
    await emitClaimChange(tx, actor, "annotation.updated", data.id, after.version);
    return after;
  });
}

function parseId(id: unknown): string {
  const r = uuid.safeParse(id);
  if (!r.success) throw new AppError("not_found", "Claim not found", undefined, { key: "errors.claimNotFound" });
  return r.data;
}

function versionConflict(current: { version: number; author: { name: string } }) {
  return new AppError(
    "conflict",
    `Someone else changed this claim while you were editing (it is now at version ${current.version}). Your changes were not saved; reload to see theirs.`,
    { currentVersion: current.version },
  );
}

type Links = { speakers: { entityId?: string; sourceId?: string }[]; actorEntityIds: string[] };

/** Replace a claim's speaker and actor rows, keeping the given order. */
async function writeLinks(tx: Tx, workspaceId: string, annotationId: string, links: Links, replace = false) {
  if (replace) {
    await tx.annotationSpeaker.deleteMany({ where: { annotationId } });
    await tx.annotationActor.deleteMany({ where: { annotationId } });
  }
  if (links.speakers.length) {
    await tx.annotationSpeaker.createMany({
      data: links.speakers.map((s, position) => ({ workspaceId, annotationId, position, entityId: s.entityId ?? null, sourceId: s.sourceId ?? null })),
    });
  }
  if (links.actorEntityIds.length) {
    await tx.annotationActor.createMany({ data: links.actorEntityIds.map((entityId, position) => ({ workspaceId, annotationId, entityId, position })) });
  }
}

/**
 * Check a claim's details against the workspace and parse its structured fields: claim type,
 * speakers and entity actors must be this workspace's (others are "not found"), the date must be
 * a date (a year-less one takes the article's year) and every count a count.
 */
export async function resolveDetails(tx: Tx, actor: Actor, data: z.output<typeof claimDetailsSchema>, articleDate: Date | null) {
  const type = await tx.claimType.findFirst({ where: { id: data.claimTypeId, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!type) throw new AppError("validation", "Claim type not found in this workspace", { fields: { claimTypeId: "Choose a claim type from this workspace" } });
  const entityIds = [...new Set([...data.speakers.flatMap((s) => (s.entityId ? [s.entityId] : [])), ...data.actorEntityIds])];
  const sourceIds = data.speakers.flatMap((s) => (s.sourceId ? [s.sourceId] : []));
  const [entities, sources] = await Promise.all([
    entityIds.length ? tx.entity.findMany({ where: { id: { in: entityIds }, workspaceId: actor.workspaceId }, select: { id: true } }) : [],
    sourceIds.length ? tx.source.findMany({ where: { id: { in: sourceIds }, workspaceId: actor.workspaceId }, select: { id: true } }) : [],
  ]);
  // Entities and sources apart: a source's id given as an entityId is not found, not a broken row.
  const knownEntities = new Set(entities.map((x) => x.id));
  const knownSources = new Set(sources.map((x) => x.id));
  const badSpeaker = data.speakers.findIndex((s) => (s.entityId ? !knownEntities.has(s.entityId) : !knownSources.has(s.sourceId!)));
  if (badSpeaker >= 0)
    throw new AppError("validation", "Speaker not found in this workspace", { fields: { [`speakers.${badSpeaker}`]: "Choose a speaker from this workspace" } });
  const badActor = data.actorEntityIds.findIndex((id) => !knownEntities.has(id));
  if (badActor >= 0)
    throw new AppError("validation", "Actor not found in this workspace", {
      fields: { [`actorEntityIds.${badActor}`]: "Choose an actor from this workspace" },
    });
  return {
    claimTypeId: type.id,
    modality: data.modality,
    actors: data.actors,
    fields: parseFields(data.fields, articleDate),
    note: data.note || null,
    links: { speakers: data.speakers, actorEntityIds: data.actorEntityIds },
  };
}

/** The stored form of a claim's fields: as written, plus the date parsed with its precision. */
export function parseFields(f: z.output<typeof claimDetailsSchema>["fields"], articleDate: Date | null) {
  const out: Record<string, unknown> = {};
  if (f.date) {
    const parsed = parseClaimDate(f.date, articleDate ? { reference: articleDate.toISOString().slice(0, 10) } : undefined);
    if (!parsed.ok)
      throw new AppError(
        "validation",
        `Date: ${parsed.reason}`,
        { fields: { "fields.date": parsed.reason } },
        {
          key: "errors.claimDate",
          problems: { reason: parsed.problem },
          fields: { "fields.date": { key: "errors.reason", problems: { reason: parsed.problem } } },
        },
      );
    Object.assign(out, { date: f.date, dateValue: formatClaimDate(parsed.value), datePrecision: parsed.value.precision });
  }
  if (f.quantities?.length) {
    f.quantities.forEach((q, i) => {
      const parsed = parseQuantity(q.value);
      if (!parsed.ok) {
        const field = `fields.quantities.${i}.value`;
        throw new AppError(
          "validation",
          `Quantity “${q.value}”: ${parsed.reason}`,
          { fields: { [field]: parsed.reason } },
          {
            key: "errors.claimQuantity",
            values: { value: q.value },
            problems: { reason: parsed.problem },
            fields: { [field]: { key: "errors.reason", problems: { reason: parsed.problem } } },
          },
        );
      }
    });
    out.quantities = f.quantities.map((q) => ({ value: q.value, ...(q.item ? { item: q.item } : {}) }));
  }
  if (f.item) out.item = f.item;
  return out as Prisma.InputJsonObject;
}
