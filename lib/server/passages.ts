import "server-only";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { reanchor, type ReanchorOutcome } from "@/lib/domain/anchoring";
import { foldForMatch } from "@/lib/domain/claim-types";
import { contentHash } from "@/lib/domain/content-hash";
import { flagDuplicatePassages, normalizeText } from "@/lib/domain/text";
import { annotationSelect, toAnnotationView, type AnnotationView } from "@/lib/server/annotations";
import { audit } from "@/lib/server/audit";
import { articlePropositions, emit } from "@/lib/server/events";
import { reanchoredFields } from "@/lib/server/reanchor-fields";
import { AppError } from "@/lib/server/errors";
import { updatePassageTextSchema } from "@/lib/validation/passages";

/** What happened to a paragraph's claims when its text was corrected. */
export type ReanchorSummary = { kept: number; moved: number; fuzzy: number; needsReview: number; orphaned: number };

/** One claim a correction touched, with its quote before and after, for the desk to check. */
export type ReanchorChange = {
  id: string;
  outcome: Exclude<ReanchorOutcome, "exact">;
  before: string;
  after: string;
  reason: string;
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
 */
export async function updatePassageText(actor: Actor, input: unknown): Promise<PassageCorrection> {
  assertCan(actor, "articles.write");
  const { workspaceId } = actor;
  const data = updatePassageTextSchema.parse(input);
  try {
    return await getDb().$transaction(async (tx) => {
      // Lock the paragraph so two corrections cannot both re-anchor from the same old text.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Passage" WHERE id = ${data.passageId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("not_found", "Paragraph not found");
      const passage = await tx.passage.findUniqueOrThrow({ where: { id: data.passageId }, select: { id: true, articleId: true, position: true, text: true } });
      if (data.expectedText !== undefined && normalizeText(data.expectedText) !== passage.text) {
        throw new AppError(
          "conflict",
          "Someone else corrected this paragraph while you were editing it. Your correction was not saved; reload to see their text and apply yours again.",
          { currentText: passage.text },
        );
      }
      await tx.$queryRaw`
        SELECT id FROM "Annotation" WHERE "passageId" = ${passage.id}::uuid AND "deletedAt" IS NULL ORDER BY id FOR UPDATE`;
      const anchors: Anchor[] = await tx.annotation.findMany({
        where: { passageId: passage.id, workspaceId, deletedAt: null },
        select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, orphaned: true, needsReview: true, version: true, note: true },
        orderBy: [{ start: "asc" }, { id: "asc" }],
      });

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

      const summary: ReanchorSummary = { kept: 0, moved: 0, fuzzy: 0, needsReview: 0, orphaned: 0 };
      const changes: ReanchorChange[] = [];
      for (const before of anchors) {
        const found = reanchor(data.text, before);
        const next = reanchoredFields(data.text, before, found);
        // A claim still waiting for a person is not counted wherever it now sits: say so, not "moved".
        const outcome: ReanchorOutcome = next.needsReview ? "needs_review" : found.outcome;
        const reason = outcome === found.outcome ? found.reason : `still waiting for review (${found.reason})`;
        summary[SUMMARY_KEY[outcome]] += 1;
        const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => k !== "anchorReview" && next[k] !== before[k as keyof Anchor]);
        if (!changed) continue;
        const searchText = next.exact !== before.exact ? { searchText: foldForMatch(`${next.exact} ${before.note ?? ""}`) } : {};
        await tx.annotation.update({ where: { id: before.id }, data: { ...next, ...searchText, version: { increment: 1 } } });
        const { start, end, exact, prefix, suffix, orphaned, needsReview, version } = before;
        await audit(
          tx,
          actor,
          "annotation.reanchor",
          "Annotation",
          before.id,
          { start, end, exact, prefix, suffix, orphaned, needsReview, version },
          {
            ...next,
            version: before.version + 1,
            outcome,
            reason,
            confidence: found.confidence,
            passageId: passage.id,
          },
        );
        if (found.outcome !== "exact" && outcome !== "exact") {
          changes.push({ id: before.id, outcome, before: before.exact, after: next.exact, reason, confidence: found.confidence, version: before.version + 1 });
        }
      }

      await audit(
        tx,
        actor,
        "passage.update",
        "Passage",
        passage.id,
        { text: passage.text, contentHash: hashes.before },
        { text: data.text, contentHash: hashes.after, articleId: passage.articleId, position: passage.position, summary, changes },
      );
      await emit(tx, actor, {
        kind: "passage.corrected",
        entityType: "Passage",
        entityId: passage.id,
        articleId: passage.articleId,
        propositionIds: await articlePropositions(tx, workspaceId, passage.articleId),
      });
      return {
        changed: true,
        passage: { ...passage, text: data.text },
        summary,
        changes,
        annotations: await liveAnnotations(tx, workspaceId, passage.id),
      };
    });
  } catch (err) {
    // Another article reached the same content between our check and the commit.
    if ((err as { code?: string }).code === "P2002") throw duplicateContent();
    throw err;
  }
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
  const rows = await tx.annotation.findMany({
    where: { workspaceId, passageId, deletedAt: null },
    select: annotationSelect,
    orderBy: [{ start: "asc" }, { id: "asc" }],
  });
  return rows.map(toAnnotationView);
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
