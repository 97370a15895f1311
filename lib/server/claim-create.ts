import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { checkSelector, quoteSelector } from "@/lib/domain/anchoring";
import { foldForMatch } from "@/lib/domain/claim-types";
import { Prisma } from "@/lib/generated/prisma/client";
import { type AnnotationView, parseFields, type SpeakerView } from "@/lib/server/annotations";
import { AppError } from "@/lib/server/errors";
import { changeEventCtes, EVENTS_CHANNEL } from "@/lib/server/events";
import type { createAnnotationSchema } from "@/lib/validation/schemas";
import type { z } from "zod";

// Marking a claim is the hottest write of a team session, so it is two statements and no
// interactive transaction: one read of everything the checks need (the paragraph, its article's
// date, the claim type, the speakers and actors named, the author, the candidate sessions), then
// one statement that writes the claim, its speakers and actors, the session assignment, the audit
// row and the change event (with the workspace's change lock and NOTIFY) — atomic because it is
// one statement. The write share-locks the paragraph and re-checks its text, so a correction that
// slipped in between the two makes it write nothing, and the create starts over on the new text.

type CreateInput = z.output<typeof createAnnotationSchema>;
type Named = { id: string; name: string };
type SessionRow = { id: string; name: string; articleIds: string[]; annotator: boolean };
type Context = {
  text: string;
  articleId: string;
  publishedAt: Date | null;
  claimTypeId: string | null;
  entities: Named[];
  sources: Named[];
  author: Named;
  sessions: SessionRow[];
};

const sessionField = (message: string) => new AppError("validation", message, { fields: { sessionId: message } });

/** Everything the create checks, in one statement; null when the paragraph is not this workspace's. */
async function readContext(actor: Actor, data: CreateInput): Promise<Context | null> {
  const { workspaceId, userId } = actor;
  const entityIds = [...new Set([...data.speakers.flatMap((s) => (s.entityId ? [s.entityId] : [])), ...data.actorEntityIds])];
  const sourceIds = [...new Set(data.speakers.flatMap((s) => (s.sourceId ? [s.sourceId] : [])))];
  // Sessions: the one asked for (any state of assignment), else the running ones assigning the article to the author.
  const requested = data.sessionId ?? null;
  const sessionsWanted = data.sessionId !== null;
  const rows = await getDb().$queryRaw<Context[]>`
    SELECT p.text, p."articleId"::text AS "articleId", ar."publishedAt",
      (SELECT ct.id::text FROM "ClaimType" ct WHERE ct.id = ${data.claimTypeId}::uuid AND ct."workspaceId" = ${workspaceId}::uuid) AS "claimTypeId",
      COALESCE((SELECT json_agg(json_build_object('id', e.id, 'name', e.name)) FROM "Entity" e
        WHERE e.id = ANY(${entityIds}::uuid[]) AND e."workspaceId" = ${workspaceId}::uuid), '[]') AS entities,
      COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name)) FROM "Source" s
        WHERE s.id = ANY(${sourceIds}::uuid[]) AND s."workspaceId" = ${workspaceId}::uuid), '[]') AS sources,
      (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = ${userId}::uuid) AS author,
      COALESCE((SELECT json_agg(x) FROM (
        SELECT s.id, s.name, s."articleIds",
          EXISTS (SELECT 1 FROM "SessionMember" m WHERE m."sessionId" = s.id AND m."userId" = ${userId}::uuid AND m.role = 'ANNOTATOR') AS annotator
        FROM "AnnotationSession" s
        WHERE ${sessionsWanted} AND s."workspaceId" = ${workspaceId}::uuid AND s."closedAt" IS NULL
          AND CASE WHEN ${requested}::uuid IS NOT NULL THEN s.id = ${requested}::uuid
            ELSE EXISTS (SELECT 1 FROM "SessionAssignment" sa WHERE sa."sessionId" = s.id AND sa."articleId" = p."articleId" AND sa."userId" = ${userId}::uuid) END
        LIMIT 3) x), '[]') AS sessions
    FROM "Passage" p JOIN "Article" ar ON ar.id = p."articleId"
    WHERE p.id = ${data.passageId}::uuid AND p."workspaceId" = ${workspaceId}::uuid`;
  return rows[0] ?? null;
}

/**
 * The session a new claim belongs to. `sessionId` null: none; an id: that session, which must be
 * running, hold the article and count the author among its annotators; omitted: the one running
 * session that assigns the article to the author, if exactly one does. Starting work moves the
 * author's assignment from "to do" to "in progress" (in writeClaim).
 */
function chooseSession(data: CreateInput, articleId: string, sessions: SessionRow[]): string | null {
  if (data.sessionId === null) return null;
  if (data.sessionId) {
    const s = sessions[0];
    if (!s) throw sessionField("Session not found, or it is closed");
    if (!s.articleIds.includes(articleId)) throw sessionField(`This article is not part of the session “${s.name}”`);
    if (!s.annotator) throw sessionField(`You are not an annotator of the session “${s.name}”`);
    return s.id;
  }
  if (sessions.length > 1)
    throw sessionField(
      `This article is in ${sessions.length} of your sessions (${sessions.map((s) => `“${s.name}”`).join(", ")}): say which with sessionId, or null for none`,
    );
  return sessions.find((s) => s.annotator)?.id ?? null;
}

/** The checks of resolveDetails (lib/server/annotations.ts) on what readContext found. */
function checkDetails(data: CreateInput, ctx: Context) {
  if (!ctx.claimTypeId)
    throw new AppError("validation", "Claim type not found in this workspace", { fields: { claimTypeId: "Choose a claim type from this workspace" } });
  const entities = new Map(ctx.entities.map((e) => [e.id, e]));
  const sources = new Map(ctx.sources.map((s) => [s.id, s]));
  const speakers: SpeakerView[] = [];
  data.speakers.forEach((s, i) => {
    const found = s.entityId ? entities.get(s.entityId) : sources.get(s.sourceId!);
    if (!found)
      throw new AppError("validation", "Speaker not found in this workspace", { fields: { [`speakers.${i}`]: "Choose a speaker from this workspace" } });
    speakers.push({ type: s.entityId ? "entity" : "source", id: found.id, name: found.name });
  });
  const actorEntities = data.actorEntityIds.map((id, i) => {
    const found = entities.get(id);
    if (!found)
      throw new AppError("validation", "Actor not found in this workspace", { fields: { [`actorEntityIds.${i}`]: "Choose an actor from this workspace" } });
    return found;
  });
  return { speakers, actorEntities, fields: parseFields(data.fields, ctx.publishedAt) };
}

/** Write the claim and everything that goes with it in one statement; false when the paragraph changed meanwhile. */
async function writeClaim(actor: Actor, view: AnnotationView, ctx: Context, searchText: string): Promise<boolean> {
  const { workspaceId, userId } = actor;
  const at = view.createdAt.toISOString();
  const speakers = view.speakers.map((s, position) => ({ position, entityId: s.type === "entity" ? s.id : null, sourceId: s.type === "source" ? s.id : null }));
  const actorIds = view.actorEntities.map((e) => e.id);
  const [row] = await getDb().$queryRaw<{ inserted: number }[]>`
    WITH p AS (
      SELECT id FROM "Passage" WHERE id = ${view.passageId}::uuid AND "workspaceId" = ${workspaceId}::uuid AND text = ${ctx.text} FOR SHARE
    ),
    a AS (
      INSERT INTO "Annotation" (id, "workspaceId", "passageId", start, "end", exact, prefix, suffix, "claimTypeId", modality, actors, fields, note,
        "searchText", "authorId", "sessionId", "createdAt", "updatedAt")
      SELECT ${view.id}::uuid, ${workspaceId}::uuid, p.id, ${view.start}::int, ${view.end}::int, ${view.exact}, ${view.prefix}, ${view.suffix},
        ${view.claimTypeId}::uuid, ${view.modality}::"Modality", ${view.actors}::text[], ${JSON.stringify(view.fields)}::jsonb, ${view.note},
        ${searchText}, ${userId}::uuid, ${view.sessionId}::uuid, ${at}::timestamp, ${at}::timestamp
      FROM p
      RETURNING id
    ),
    sp AS (
      INSERT INTO "AnnotationSpeaker" (id, "workspaceId", "annotationId", position, "entityId", "sourceId")
      SELECT gen_random_uuid(), ${workspaceId}::uuid, a.id, x.position, x."entityId", x."sourceId"
      FROM a, jsonb_to_recordset(${JSON.stringify(speakers)}::jsonb) AS x(position int, "entityId" uuid, "sourceId" uuid)
    ),
    ac AS (
      INSERT INTO "AnnotationActor" ("workspaceId", "annotationId", "entityId", position)
      SELECT ${workspaceId}::uuid, a.id, u.id, (u.ord - 1)::int FROM a, unnest(${actorIds}::uuid[]) WITH ORDINALITY AS u(id, ord)
    ),
    sa AS (
      UPDATE "SessionAssignment" SET status = 'IN_PROGRESS', "updatedAt" = ${at}::timestamp
      WHERE "sessionId" = ${view.sessionId}::uuid AND "articleId" = ${ctx.articleId}::uuid AND "userId" = ${userId}::uuid AND status = 'TODO'
        AND EXISTS (SELECT 1 FROM a)
    ),
    au AS (
      INSERT INTO "AuditEvent" ("workspaceId", "actorId", action, "entityType", "entityId", after)
      SELECT ${workspaceId}::uuid, ${userId}::uuid, 'annotation.create', 'Annotation', a.id::text, ${JSON.stringify(view)}::jsonb FROM a
    ),
    ${changeEventCtes(actor, { kind: "annotation.created", entityType: "Annotation", entityId: view.id, articleId: ctx.articleId, sessionId: view.sessionId, version: 1 }, Prisma.sql`SELECT id FROM a`)}
    SELECT (SELECT count(*) FROM a)::int AS inserted, (SELECT count(pg_notify(${EVENTS_CHANNEL}, e.id::text)) FROM e)::int AS notified`;
  return (row?.inserted ?? 0) > 0;
}

/**
 * Create a checked claim (see createAnnotation): at most two statements, three when a text
 * correction lands between the read and the write. Answers the claim as `annotationSelect` reads it.
 */
export async function insertClaim(actor: Actor, data: CreateInput): Promise<AnnotationView> {
  for (let attempt = 0; ; attempt++) {
    const ctx = await readContext(actor, data);
    if (!ctx) throw new AppError("not_found", "Passage not found");
    const check = checkSelector(ctx.text, { start: data.start, end: data.end, exact: data.exact });
    if (!check.ok)
      throw new AppError("bad_request", check.reason, {
        fields: { [data.exact !== undefined && check.reason.startsWith("quote") ? "exact" : "start"]: check.reason },
      });
    const sessionId = chooseSession(data, ctx.articleId, ctx.sessions);
    const { speakers, actorEntities, fields } = checkDetails(data, ctx);
    const quote = quoteSelector(ctx.text, data.start, data.end);
    const now = new Date();
    const view: AnnotationView = {
      id: randomUUID(),
      passageId: data.passageId,
      start: data.start,
      end: data.end,
      ...quote,
      claimTypeId: ctx.claimTypeId!,
      modality: data.modality,
      actors: data.actors,
      fields: fields as Prisma.JsonValue,
      note: data.note || null,
      status: "DRAFT",
      reviewedAt: null,
      reviewReason: null,
      reviewedBy: null,
      orphaned: false,
      needsReview: false,
      anchorReview: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      sessionId,
      reconciled: false,
      speakers,
      actorEntities,
      author: ctx.author,
      mentions: [],
    };
    if (await writeClaim(actor, view, ctx, foldForMatch(`${quote.exact} ${view.note ?? ""}`))) return view;
    // The paragraph was corrected (or deleted) between the read and the write: check again on what it is now.
    if (attempt >= 2) throw new AppError("conflict", "The paragraph keeps changing while the claim is saved; reload and mark it again");
  }
}
