import "server-only";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { quoteCutter, reanchor, type ReanchorOutcome, type ReanchorWhy } from "@/lib/domain/anchoring";
import { foldForMatch } from "@/lib/domain/claim-types";
import { contentHash } from "@/lib/domain/content-hash";
import { flagDuplicatePassages, normalizeText } from "@/lib/domain/text";
import type { AnnotationView } from "@/lib/server/annotations";
import { readAnnotationViews } from "@/lib/server/annotation-views";
import { emit } from "@/lib/server/events";
import { reanchoredFields } from "@/lib/server/reanchor-fields";
import { AppError } from "@/lib/server/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { updatePassageTextSchema } from "@/lib/validation/passages";

/** What happened to a paragraph's claims when its text was corrected. */
export type ReanchorSummary = { kept: number; moved: number; fuzzy: number; needsReview: number; orphaned: number };

/** One claim a correction touched, with its quote before and after, for the desk to check. */
export type ReanchorChange = {
  id: string;
  outcome: Exclude<ReanchorOutcome, "exact">;
  before: string;
  after: string;
  /** In English, as the audit trail records it. */
  reason: string;
  /** The same reason for the interface to say in its language. */
  why: ReanchorWhy;
  confidence: number;
  version: number;
};

export type PassageCorrection = {
  changed: boolean;
  passage: { id: string; articleId: string; position: number; text: string };
  summary: ReanchorSummary;
  /** Every claim that did not stay exactly where it was (moved, fuzzy, needs review, orphaned). */
  changes: ReanchorChange[];
  /** Every live claim of the paragraph after the correction. */
  annotations: AnnotationView[];
};

type Anchor = {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  orphaned: boolean;
  needsReview: boolean;
  version: number;
  note: string | null;
};

const SUMMARY_KEY: Record<ReanchorOutcome, keyof ReanchorSummary> = {
  exact: "kept",
  moved: "moved",
  fuzzy: "fuzzy",
  needs_review: "needsReview",
  orphaned: "orphaned",
};

/**
 * Correct one paragraph's text (editors). Claims are re-anchored by quote and context; those
 * that no longer match keep their offsets and quote and are flagged orphaned, never moved.
 * However many claims the paragraph holds, the correction sends the same statements: the new
 * anchors are computed in memory, then written with one UPDATE and audited with one INSERT.
 */
export async function updatePassageText(actor: Actor, input: unknown): Promise<PassageCorrection> {
  assertCan(actor, "articles.write");
  const { workspaceId } = actor;
  const data = updatePassageTextSchema.parse(input);
  try {
    return await getDb().$transaction(
      async (tx) => {
        // Lock the paragraph so two corrections cannot both re-anchor from the same old text.
        const [passage] = await tx.$queryRaw<{ id: string; articleId: string; position: number; text: string }[]>`
          SELECT id::text AS id, "articleId"::text AS "articleId", position, text
          FROM "Passage" WHERE id = ${data.passageId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
        if (!passage) throw new AppError("not_found", "Paragraph not found");
        if (data.expectedText !== undefined && normalizeText(data.expectedText) !== passage.text) {
          throw new AppError(
            "conflict",
            "Someone else corrected this paragraph while you were editing it. Your correction was not saved; reload to see their text and apply yours again.",
            { currentText: passage.text },
          );
        }
        const anchors = await lockAnchors(tx, workspaceId, passage.id);

        if (data.text === passage.text) {
          const orphaned = anchors.filter((a) => a.orphaned).length;
          const needsReview = anchors.filter((a) => !a.orphaned && a.needsReview).length;
          return {
            changed: false,
            passage,
            summary: { kept: anchors.length - orphaned - needsReview, moved: 0, fuzzy: 0, needsReview, orphaned },
            changes: [],
            annotations: await liveAnnotations(tx, workspaceId, passage.id),
          };
        }

        const hashes = await rewriteArticleText(tx, workspaceId, passage, data.text);
        await tx.passage.update({ where: { id: passage.id }, data: { text: data.text, searchText: foldForMatch(data.text) } });

        const { summary, changes, rows, audits, recounted } = reanchorAll(data.text, anchors, passage.id);
        const at = new Date().toISOString();
        await writeAnchors(tx, workspaceId, rows, at);
        audits.push({
          action: "passage.update",
          entityType: "Passage",
          entityId: passage.id,
          before: { text: passage.text, contentHash: hashes.before },
          after: { text: data.text, contentHash: hashes.after, articleId: passage.articleId, position: passage.position, summary, changes },
        });
        await auditAll(tx, actor, audits, at);
        const { propositionIds, verdictPropositionIds } = await correctedPropositions(tx, workspaceId, passage.articleId, recounted);
        await emit(tx, actor, {
          kind: "passage.corrected",
          entityType: "Passage",
          entityId: passage.id,
          articleId: passage.articleId,
          propositionIds,
          verdictPropositionIds,
        });
        return {
          changed: true,
          passage: { ...passage, text: data.text },
          summary,
          changes,
          annotations: await liveAnnotations(tx, workspaceId, passage.id),
        };
      },
      // Set-based, so well under a second even at thousands of claims; the margin is for a loaded machine.
      { timeout: 30_000 },
    );
  } catch (err) {
    // Another article reached the same content between our check and the commit.
    if ((err as { code?: string }).code === "P2002") throw duplicateContent();
    throw err;
  }
}

/** Lock the paragraph's live claims (in id order, so two writers cannot deadlock) and read their anchors, by position. */
async function lockAnchors(tx: Tx, workspaceId: string, passageId: string): Promise<Anchor[]> {
  const rows = await tx.$queryRaw<Anchor[]>`
    SELECT id::text AS id, start, "end", exact, prefix, suffix, orphaned, "needsReview", version, note
    FROM "Annotation"
    WHERE "passageId" = ${passageId}::uuid AND "workspaceId" = ${workspaceId}::uuid AND "deletedAt" IS NULL
    ORDER BY "Annotation".id FOR UPDATE`;
  // uuids compare as their lower-case text does, so this is PostgreSQL's (start, id) order.
  return rows.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type AnchorRow = ReturnType<typeof reanchoredFields> & { id: string; searchText: string | null };
type AuditRow = { action: string; entityType: string; entityId: string; before: unknown; after: unknown };

/** Re-anchor every claim against the corrected text, in memory: the rows to write, their audit events and the summary. */
function reanchorAll(text: string, anchors: Anchor[], passageId: string) {
  const cut = quoteCutter(text);
  const summary: ReanchorSummary = { kept: 0, moved: 0, fuzzy: 0, needsReview: 0, orphaned: 0 };
  const changes: ReanchorChange[] = [];
  const rows: AnchorRow[] = [];
  const audits: AuditRow[] = [];
  /** Claims whose counting this changes (orphaned or needs-review set or cleared). */
  const recounted: string[] = [];
  for (const before of anchors) {
    const found = reanchor(text, before);
    const next = reanchoredFields(cut, before, found);
    // A claim still waiting for a person is not counted wherever it now sits: say so, not "moved".
    const outcome: ReanchorOutcome = next.needsReview ? "needs_review" : found.outcome;
    const waiting = outcome !== found.outcome;
    const reason = waiting ? `still waiting for review (${found.reason})` : found.reason;
    const why: ReanchorWhy = waiting ? { key: "stillWaiting", inner: found.why } : found.why;
    summary[SUMMARY_KEY[outcome]] += 1;
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => k !== "anchorReview" && next[k] !== before[k as keyof Anchor]);
    if (!changed) continue;
    if (next.orphaned !== before.orphaned || next.needsReview !== before.needsReview) recounted.push(before.id);
    rows.push({ ...next, id: before.id, searchText: next.exact !== before.exact ? foldForMatch(`${next.exact} ${before.note ?? ""}`) : null });
    const { start, end, exact, prefix, suffix, orphaned, needsReview, version } = before;
    audits.push({
      action: "annotation.reanchor",
      entityType: "Annotation",
      entityId: before.id,
      before: { start, end, exact, prefix, suffix, orphaned, needsReview, version },
      after: { ...next, version: version + 1, outcome, reason, why, confidence: found.confidence, passageId },
    });
    if (found.outcome !== "exact" && outcome !== "exact") {
      changes.push({ id: before.id, outcome, before: before.exact, after: next.exact, reason, why, confidence: found.confidence, version: version + 1 });
    }
  }
  return { summary, changes, rows, audits, recounted };
}

/**
 * The propositions any claim of the article is linked to (they show the corrected text), and of
 * those the ones a `recounted` claim is linked to: a verdict reads whether a claim counts, never
 * where its words sit, so only the claims orphaned, flagged or cleared by the correction can move
 * one. One statement.
 */
async function correctedPropositions(
  tx: Tx,
  workspaceId: string,
  articleId: string,
  recounted: string[],
): Promise<{ propositionIds: string[]; verdictPropositionIds: string[] }> {
  const rows = await tx.$queryRaw<{ id: string; recounted: boolean }[]>`
    SELECT ml."propositionId"::text AS id, bool_or(ml."annotationId" = ANY(${recounted}::uuid[])) AS recounted
    FROM "MentionLink" ml
    JOIN "Annotation" a ON a.id = ml."annotationId"
    JOIN "Passage" p ON p.id = a."passageId"
    WHERE ml."workspaceId" = ${workspaceId}::uuid AND p."articleId" = ${articleId}::uuid
    GROUP BY ml."propositionId"`;
  return { propositionIds: rows.map((r) => r.id), verdictPropositionIds: rows.filter((r) => r.recounted).map((r) => r.id) };
}

/**
 * Write the new anchors of many claims in one statement, each one version up. A row without
 * `anchorReview` keeps the stored evidence; `searchText` is null where the quote did not change.
 */
async function writeAnchors(tx: Tx, workspaceId: string, rows: AnchorRow[], at: string) {
  if (rows.length === 0) return;
  const values = rows.map(({ anchorReview, ...r }) => ({
    ...r,
    keepReview: anchorReview === undefined,
    anchorReview: anchorReview === undefined || anchorReview === Prisma.DbNull ? null : anchorReview,
  }));
  const updated = await tx.$executeRaw`
    UPDATE "Annotation" AS a SET
      start = v.start, "end" = v."end", exact = v.exact, prefix = v.prefix, suffix = v.suffix,
      orphaned = v.orphaned, "needsReview" = v."needsReview",
      "anchorReview" = CASE WHEN v."keepReview" THEN a."anchorReview" ELSE v."anchorReview" END,
      "searchText" = COALESCE(v."searchText", a."searchText"),
      version = a.version + 1, "updatedAt" = ${at}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(
      id uuid, start int, "end" int, exact text, prefix text, suffix text, orphaned boolean, "needsReview" boolean,
      "keepReview" boolean, "anchorReview" jsonb, "searchText" text)
    WHERE a.id = v.id AND a."workspaceId" = ${workspaceId}::uuid`;
  // The rows are locked by this transaction, so every one is there.
  if (updated !== rows.length) throw new Error(`re-anchoring updated ${updated} of ${rows.length} claims`);
}

/** Append many audit events in one statement, in order (the JSON as audit() stores it). */
async function auditAll(tx: Tx, actor: Actor, rows: AuditRow[], at: string) {
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("workspaceId", "actorId", action, "entityType", "entityId", before, after, at)
    SELECT ${actor.workspaceId}::uuid, ${actor.userId}::uuid, r.e->>'action', r.e->>'entityType', r.e->>'entityId', r.e->'before', r.e->'after', ${at}::timestamp(3)
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS r(e, n)
    ORDER BY r.n`;
}

/** Recompute the article's content hash and repeat flags with the new paragraph text. */
async function rewriteArticleText(tx: Tx, workspaceId: string, passage: { id: string; articleId: string }, text: string) {
  const article = await tx.article.findFirstOrThrow({
    where: { id: passage.articleId, workspaceId },
    select: { contentHash: true, passages: { select: { id: true, text: true, isDuplicate: true }, orderBy: { position: "asc" } } },
  });
  const passages = article.passages.map((p) => (p.id === passage.id ? { ...p, text } : p));
  const hash = contentHash(passages.map((p) => p.text));
  const clash = await tx.article.findFirst({
    where: { workspaceId, contentHash: hash, id: { not: passage.articleId } },
    select: { id: true, title: true },
  });
  if (clash) throw duplicateContent(clash);
  await tx.article.update({ where: { id: passage.articleId }, data: { contentHash: hash } });

  const flags = flagDuplicatePassages(passages.map((p) => p.text));
  const flip = (value: boolean) => passages.filter((p, i) => flags[i] === value && p.isDuplicate !== value).map((p) => p.id);
  for (const value of [true, false]) {
    const ids = flip(value);
    if (ids.length) await tx.passage.updateMany({ where: { id: { in: ids }, workspaceId }, data: { isDuplicate: value } });
  }
  return { before: article.contentHash, after: hash };
}

async function liveAnnotations(tx: Tx, workspaceId: string, passageId: string): Promise<AnnotationView[]> {
  return readAnnotationViews(Prisma.sql`a."workspaceId" = ${workspaceId}::uuid AND a."passageId" = ${passageId}::uuid AND a."deletedAt" IS NULL`, tx);
}

function duplicateContent(existing?: { id: string; title: string }) {
  return new AppError(
    "conflict",
    existing
      ? `With this correction the article would have the same text as “${existing.title}”; nothing was saved`
      : "With this correction the article would have the same text as another article; nothing was saved",
    existing ? { articleId: existing.id } : undefined,
  );
}
