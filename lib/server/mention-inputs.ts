import "server-only";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { z } from "zod";
import type { ActorRef, EntityRef, MentionInput, OriginGraph, SameValues, SourceRef, SpeakerRef } from "@/lib/domain/comparison";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationStatus } from "@/lib/domain/vocabulary";

// What the comparison needs of a stored claim, selected once and shared by the proposition page,
// the matrix and the exports, so they cannot disagree about a verdict.

const src = { select: { id: true, name: true, kind: true } } as const;

export const comparedAnnotationSelect = {
  id: true,
  orphaned: true,
  needsReview: true,
  status: true,
  sessionId: true,
  reconciled: true,
  session: { select: { closedAt: true } },
  modality: true,
  fields: true,
  actors: true,
  speakers: { select: { entity: { select: { id: true, name: true } }, source: src }, orderBy: { position: "asc" as const } },
  actorEntities: { select: { entity: { select: { id: true, name: true } } }, orderBy: { position: "asc" as const } },
  passage: {
    select: {
      article: {
        select: { id: true, title: true, publishedAt: true, publisher: src, origins: { select: { source: src }, orderBy: { position: "asc" as const } } },
      },
    },
  },
} satisfies Prisma.AnnotationSelect;

/** The fields of a stored claim that decide its independent origins and details. */
export type ComparedAnnotation = Prisma.AnnotationGetPayload<{ select: typeof comparedAnnotationSelect }>;

/** Folded free-text actor → the entity whose alias it is (aliases name one entity per workspace). */
export type ActorAliases = ReadonlyMap<string, EntityRef>;

/** Which claims count in verdicts: the workspace's setting, loaded once per request (`loadCountingRule`). */
export type CountingRule = { approvedOnly: boolean };

/** What decides whether a stored claim counts. */
export type CountedFacts = {
  orphaned: boolean;
  needsReview: boolean;
  status: AnnotationStatus;
  reconciled: boolean;
  session: { closedAt: Date | null } | null;
};

/**
 * Whether a claim counts in verdicts: orphaned and needs-review claims are listed, not counted; with
 * the workspace's "approved only" rule, neither are drafts, submitted or rejected claims. A claim
 * made in an annotation session counts only as part of its reconciled set, once the session is
 * closed: annotators' own claims are evidence for agreement, not sources counted twice.
 */
export const counts = (a: CountedFacts, rule: CountingRule) =>
  !a.orphaned && !a.needsReview && (!rule.approvedOnly || a.status === "APPROVED") && (a.session === null || (a.reconciled && a.session.closedAt !== null));

/** Why a listed claim does not count, in words (null when it counts). */
export function uncountedReason(a: CountedFacts, rule: CountingRule): string | null {
  if (a.orphaned) return "its words are no longer in the article";
  if (a.needsReview) return "its re-anchoring needs review";
  if (a.session && !a.reconciled) return "it is an annotator's claim in a session (only the session's reconciled claims count)";
  if (a.session && !a.session.closedAt) return "its session is not closed yet";
  if (rule.approvedOnly && a.status !== "APPROVED") return "only approved claims count";
  return null;
}

/** The workspace's counting rule (one query). */
export async function loadCountingRule(workspaceId: string): Promise<CountingRule> {
  const ws = await getDb().workspace.findUnique({ where: { id: workspaceId }, select: { countApprovedOnly: true } });
  return { approvedOnly: ws?.countApprovedOnly ?? false };
}

/** Speakers in order, as the comparison sees them. */
export function speakerRefs(a: Pick<ComparedAnnotation, "speakers">): SpeakerRef[] {
  return a.speakers.map((s) => (s.entity ? { type: "entity" as const, ...s.entity } : { type: "source" as const, ...s.source! }));
}

/** Entity actors, then free-text ones resolved through aliases where one matches. */
export function actorRefs(a: Pick<ComparedAnnotation, "actors" | "actorEntities">, aliases: ActorAliases): ActorRef[] {
  const out = new Map<string, ActorRef>();
  for (const { entity } of a.actorEntities) out.set(`entity:${entity.id}`, { key: `entity:${entity.id}`, label: entity.name });
  for (const text of a.actors) {
    const folded = foldForMatch(text);
    if (!folded) continue;
    const e = aliases.get(folded);
    const ref = e ? { key: `entity:${e.id}`, label: e.name } : { key: `text:${folded}`, label: text.trim() };
    if (!out.has(ref.key)) out.set(ref.key, ref);
  }
  return [...out.values()];
}

/** The domain's view of a stored mention. */
export function toMentionInput(stance: MentionInput["stance"], a: ComparedAnnotation, aliases: ActorAliases): MentionInput {
  const art = a.passage.article;
  const f = (a.fields ?? {}) as StoredFields;
  const quantities = f.quantities?.map((q) => {
    const e = q.item ? aliases.get(foldForMatch(q.item)) : undefined;
    return e ? { ...q, itemKey: `entity:${e.id}` } : q;
  });
  return {
    annotationId: a.id,
    articleId: art.id,
    articleTitle: art.title,
    stance,
    speakers: speakerRefs(a),
    articleOrigins: art.origins.map((o) => o.source),
    publisher: art.publisher,
    articleDate: art.publishedAt?.toISOString().slice(0, 10) ?? null,
    fields: { date: f.date, quantities, item: f.item },
    actors: actorRefs(a, aliases),
    modality: a.modality,
  };
}

/** The workspace's relays, source→entity links and speaks-for links (three small queries). */
export async function loadOriginGraph(workspaceId: string): Promise<OriginGraph> {
  const db = getDb();
  const [relays, linked, spokesmen] = await Promise.all([
    db.source.findMany({ where: { workspaceId, upstreamId: { not: null } }, select: { id: true, upstream: src } }),
    db.source.findMany({ where: { workspaceId, entityId: { not: null } }, select: { id: true, entity: { select: { id: true, name: true } } } }),
    db.entity.findMany({ where: { workspaceId, speaksForId: { not: null } }, select: { id: true, speaksFor: { select: { id: true, name: true } } } }),
  ]);
  return {
    upstream: new Map(relays.filter((r) => r.upstream).map((r) => [r.id, r.upstream as SourceRef])),
    sourceEntity: new Map(linked.filter((r) => r.entity).map((r) => [r.id, r.entity!])),
    speaksFor: new Map(spokesmen.filter((r) => r.speaksFor).map((r) => [r.id, r.speaksFor!])),
  };
}

type StoredFields = { date?: string; quantities?: { value: string; item?: string }[]; item?: string };

/** Entities whose alias is one of the free-text actors or counted items of these claims (one query). */
export async function loadActorAliases(workspaceId: string, annotations: Pick<ComparedAnnotation, "actors" | "fields">[]): Promise<ActorAliases> {
  const texts = annotations.flatMap((a) => [...a.actors, ...(((a.fields ?? {}) as StoredFields).quantities ?? []).map((q) => q.item ?? "")]);
  const folded = [...new Set(texts.map(foldForMatch).filter(Boolean))];
  if (folded.length === 0) return new Map();
  const rows = await getDb().entityAlias.findMany({
    where: { workspaceId, normalizedAlias: { in: folded } },
    select: { normalizedAlias: true, entity: { select: { id: true, name: true } } },
  });
  return new Map(rows.map((r) => [r.normalizedAlias, r.entity]));
}

/** Marked-as-same detail values stored on a proposition (malformed entries are ignored). */
export function sameValuesOf(json: unknown): SameValues[] {
  const parsed = z.array(z.object({ field: z.enum(["date", "quantity", "actors"]), keys: z.tuple([z.string(), z.string()]) }).loose()).safeParse(json);
  return parsed.success ? parsed.data.map((s) => ({ field: s.field, keys: s.keys })) : [];
}
