import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { agreementReport } from "@/lib/domain/agreement";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { AgreementClaim } from "@/lib/domain/agreement/types";
import { agreementCsv } from "@/lib/domain/export/agreement-csv";
import { sessionState } from "@/lib/domain/session-plan";
import { AppError } from "@/lib/server/errors";
import { sessionCoreSelect, sessionRights } from "@/lib/server/sessions";

/** A claim's speakers as one label: entity and source ids in order ("" = no speaker, a value of its own). */
export const speakerKey = (speakers: { entityId: string | null; sourceId: string | null }[]) =>
  speakers.map((s) => (s.entityId ? `entity:${s.entityId}` : `source:${s.sourceId}`)).join("|");

/**
 * The annotators' own claims of a session (never its reconciled ones), as the agreement sees them,
 * with the names to show. Reads past the blind rule on purpose: only figures leave this module
 * until the session is revealed.
 */
export async function loadSessionWork(actor: Actor, rawId: unknown) {
  assertCan(actor, "workspace.read");
  const parsed = z.string().uuid().safeParse(rawId);
  if (!parsed.success) throw new AppError("not_found", "Session not found", undefined, { key: "errors.sessionNotFound" });
  const id = parsed.data;
  const db = getDb();
  const s = await db.annotationSession.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    select: {
      ...sessionCoreSelect,
      members: { select: { userId: true, role: true, membership: { select: { user: { select: { id: true, name: true } } } } } },
    },
  });
  if (!s) throw new AppError("not_found", "Session not found", undefined, { key: "errors.sessionNotFound" });
  const annotators = s.members.filter((m) => m.role === "ANNOTATOR").map((m) => m.membership.user);
  const [rows, articles, lengths] = await Promise.all([
    db.annotation.findMany({
      where: { workspaceId: actor.workspaceId, sessionId: id, reconciled: false, deletedAt: null, orphaned: false },
      select: {
        id: true,
        authorId: true,
        passageId: true,
        start: true,
        end: true,
        claimTypeId: true,
        modality: true,
        passage: { select: { articleId: true } },
        speakers: { select: { entityId: true, sourceId: true }, orderBy: { position: "asc" } },
      },
      orderBy: [{ passageId: "asc" }, { start: "asc" }, { id: "asc" }],
    }),
    db.article.findMany({ where: { workspaceId: actor.workspaceId, id: { in: s.articleIds } }, select: { id: true, title: true } }),
    db.$queryRaw<{ id: string; articleId: string; n: number }[]>`
      SELECT p.id::text, p."articleId"::text AS "articleId", char_length(p.text)::int AS n FROM "Passage" p
       WHERE p."workspaceId" = ${actor.workspaceId}::uuid AND p."articleId" = ANY(${s.articleIds}::uuid[])`,
  ]);
  const claims: AgreementClaim[] = rows
    .filter((r) => annotators.some((a) => a.id === r.authorId))
    .map((r) => ({
      id: r.id,
      annotatorId: r.authorId,
      articleId: r.passage.articleId,
      passageId: r.passageId,
      start: r.start,
      end: r.end,
      labels: { claimType: r.claimTypeId, speaker: speakerKey(r.speakers), modality: r.modality },
    }));
  return {
    session: s,
    state: sessionState(s),
    rights: sessionRights(actor, s),
    annotators,
    articles,
    claims,
    passageLengths: Object.fromEntries(lengths.map((l) => [l.id, l.n])),
    passageArticles: Object.fromEntries(lengths.map((l) => [l.id, l.articleId])),
  };
}

/**
 * Inter-annotator agreement of a session: per article, per annotator pair and overall. While a
 * blind session is hidden, only its managers and reviewers see the figures (annotators could
 * otherwise read each other's progress into them).
 */
export async function getSessionAgreement(actor: Actor, rawId: unknown) {
  const w = await loadSessionWork(actor, rawId);
  if (w.state === "blind" && !w.rights.manage && !w.rights.adjudicate)
    throw new AppError("forbidden", "The agreement of a blind session is shown to its annotators once the session is revealed");
  const report = agreementReport({
    annotators: w.annotators.map((a) => a.id),
    claims: w.claims,
    passageLengths: w.passageLengths,
    passageArticles: w.passageArticles,
  });
  const order = new Map(w.session.articleIds.map((a, i) => [a, i]));
  return {
    session: { id: w.session.id, name: w.session.name, state: w.state },
    annotators: w.annotators,
    articles: [...w.articles].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    claims: w.claims.length,
    report,
  };
}
export type SessionAgreement = Awaited<ReturnType<typeof getSessionAgreement>>;

/** The same figures as CSV, one per row, named for people. */
export async function sessionAgreementCsv(actor: Actor, rawId: unknown): Promise<{ filename: string; body: string }> {
  const a = await getSessionAgreement(actor, rawId);
  const body = agreementCsv(a.report, {
    annotators: new Map(a.annotators.map((u) => [u.id, u.name])),
    articles: new Map(a.articles.map((x) => [x.id, x.title])),
  });
  // Folded like workspace slugs (accents dropped, đ → d), so a Vietnamese name stays readable and the header ASCII.
  const slug =
    foldForMatch(a.session.name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "session";
  return { filename: `agreement-${slug}.csv`, body };
}
