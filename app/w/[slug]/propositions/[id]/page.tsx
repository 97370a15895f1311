import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/membership";
import { getProposition } from "@/lib/server/comparison";
import { AppError } from "@/lib/server/errors";
import { listClaimTypes } from "@/lib/server/workspaces";
import { StanceBadge, type StanceValue } from "@/components/propositions/badges";
import { MentionCard } from "@/components/propositions/mention-card";
import { PropositionEditor } from "@/components/propositions/proposition-editor";
import { VerdictEvidence } from "@/components/propositions/verdict-evidence";
import { ExportMenu } from "@/components/report/export-menu";
import { CountingNote } from "@/components/review/counting-note";
import { LiveRefresh } from "@/components/live/live-refresh";
import { LiveVerdictBadge } from "@/components/propositions/live-verdict";
import { VerdictSentence } from "@/components/propositions/verdict-sentence";
import { ClaimTypeDot } from "@/components/ui/claim-type-dot";
import { liveCursor } from "@/lib/server/live-stream";
import { describeRating } from "@/lib/domain/rating";
import { ratingWords } from "@/components/propositions/rating-words";
import { CommentThreads } from "@/components/comments/comment-threads";
import { HistoryPanel } from "@/components/history/history-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("propositions.page"))("title") };
}

const GROUPS: StanceValue[] = ["SUPPORTS", "REFUTES", "NEUTRAL"];

export default async function PropositionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor } = await requirePageMember(slug);
  const t = await getTranslations("propositions");
  const since = await liveCursor(actor);
  const p = await getProposition(actor, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const claimTypes = await listClaimTypes(actor);
  const canEdit = can(actor, "propositions.write");
  const v = p.verdict;
  const uncounted = p.mentions.filter((m) => !m.counted).length;
  return (
    <main className="mx-auto max-w-5xl space-y-6">
      <nav className="flex items-center text-sm">
        <Link href={`/w/${slug}/propositions`} className="text-blue-700 underline">
          {t("page.back")}
        </Link>
        <span className="ml-auto flex items-center gap-3">
          <LiveRefresh workspaceId={actor.workspaceId} propositionId={p.id} since={since} selfId={actor.userId} />
          <ExportMenu workspaceId={actor.workspaceId} slug={slug} query={`propositionIds=${p.id}`} />
        </span>
      </nav>
      <header className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {p.claimType && (
            <span className="inline-flex items-center gap-1">
              <ClaimTypeDot color={p.claimType.color} />
              {p.claimType.label}
            </span>
          )}
          {p.rating && (
            <span className="rounded bg-slate-900 px-2 py-0.5 text-xs font-semibold text-white" data-testid="desk-rating">
              {t("page.rating", { rating: describeRating(p.rating, ratingWords(t)) })}
            </span>
          )}
          {p.rating?.url && (
            <a className="text-xs text-blue-800 underline" href={p.rating.url}>
              {p.rating.date ? t("page.factCheckOn", { date: p.rating.date }) : t("page.factCheck")}
            </a>
          )}
          {p.rating?.reviewer && <span className="text-xs">{t("page.reviewedBy", { name: p.rating.reviewer.name })}</span>}
        </div>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="proposition-statement">
          {p.statement}
        </h1>
        <div className="mt-3 flex flex-wrap items-start gap-3 rounded-md bg-slate-50 p-3">
          <LiveVerdictBadge kind={v.kind} />
          <p className="flex-1 text-sm" data-testid="verdict-sentence">
            <VerdictSentence verdict={v} approvedOnly={p.countApprovedOnly} />
          </p>
          <CountingNote approvedOnly={p.countApprovedOnly} className="basis-full" />
        </div>
        <dl className="mt-3 grid grid-cols-3 gap-3 text-center text-sm">
          {GROUPS.map((g) => {
            const s = g === "SUPPORTS" ? v.supports : g === "REFUTES" ? v.refutes : v.neutral;
            return (
              <div key={g} className="rounded border border-slate-200 p-2">
                <dt>
                  <StanceBadge stance={g} />
                </dt>
                <dd className="mt-1 tabular-nums">
                  {t.rich("page.tally", {
                    mentions: s.mentions,
                    outlets: s.outlets,
                    origins: s.origins.length,
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                  {s.unattributed > 0 && <span className="text-amber-900">{t("page.unattributed", { count: s.unattributed })}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
        <VerdictEvidence workspaceId={actor.workspaceId} propositionId={p.id} verdict={v} sameValues={p.sameValues} canEdit={canEdit} />
        {uncounted > 0 && (
          <p className="mt-2 text-xs text-amber-900">{t("page.uncounted", { count: uncounted, approvedOnly: p.countApprovedOnly ? "yes" : "no" })}</p>
        )}
        {canEdit && (
          <PropositionEditor
            workspaceId={actor.workspaceId}
            slug={slug}
            proposition={{ id: p.id, statement: p.statement, claimTypeId: p.claimType?.id ?? null, rating: p.rating }}
            claimTypes={claimTypes}
          />
        )}
      </header>
      {GROUPS.map((g) => {
        const items = p.mentions.filter((m) => m.stance === g);
        if (items.length === 0) return null;
        return (
          <section key={g} aria-label={t("page.mentionsOf", { stance: t(`stanceLower.${g}`) })} className="space-y-2">
            <h2 className="flex items-center gap-2 text-lg font-semibold">
              <StanceBadge stance={g} /> {items.length}
            </h2>
            {items.map((m) => (
              <MentionCard key={m.annotation.id} slug={slug} workspaceId={actor.workspaceId} propositionId={p.id} mention={m} canEdit={canEdit} />
            ))}
          </section>
        );
      })}
      {p.mentions.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t("page.none")}</p>}
      <section aria-label={t("page.discussion")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <CommentThreads workspaceId={actor.workspaceId} targetType="proposition" targetId={p.id} refreshKey={since} />
        <HistoryPanel workspaceId={actor.workspaceId} entity="proposition" id={p.id} refreshKey={since} />
      </section>
    </main>
  );
}
