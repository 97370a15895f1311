import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { dueOf } from "@/lib/domain/session-view";
import { AppError } from "@/lib/server/errors";
import { liveCursor } from "@/lib/server/live-stream";
import { getSessionAgreement, type SessionAgreement } from "@/lib/server/session-agreement";
import { getSession } from "@/lib/server/sessions";
import { listMembers } from "@/lib/server/workspaces";
import { AgreementPanel } from "@/components/sessions/agreement-panel";
import { AssignmentGrid } from "@/components/sessions/assignment-grid";
import { ModeBadge, StateBadge } from "@/components/sessions/badges";
import { Guidelines } from "@/components/sessions/guidelines";
import { ProgressTable } from "@/components/sessions/progress-table";
import { SessionActions } from "@/components/sessions/session-actions";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Alert } from "@/components/ui/alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.page"))("title") };
}

export default async function SessionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor } = await requirePageMember(slug);
  const t = await getTranslations("sessions.page");
  const list = await getTranslations("sessionsPage");
  const modes = await getTranslations("sessions.mode");
  // Before the data: live updates replay whatever lands between this read and the stream.
  const since = await liveCursor(actor);
  // While a blind session is hidden its annotators may not see the figures; the rest of the page stands without them.
  const agreementOrNote = getSessionAgreement(actor, id).then(
    (data): { data: SessionAgreement; note: null } => ({ data, note: null }),
    (err) => {
      if (err instanceof AppError && err.code === "forbidden") return { data: null, note: err.message };
      // A missing session is getSession's 404 below, whichever of the two fails first.
      if (err instanceof AppError && err.code === "not_found") return { data: null, note: null };
      throw err;
    },
  );
  const [s, members, agreement] = await Promise.all([
    getSession(actor, id).catch((err) => {
      if (err instanceof AppError && err.code === "not_found") notFound();
      throw err;
    }),
    listMembers(actor),
    agreementOrNote,
  ]);
  const due = dueOf(s.dueAt, new Date(), s.state === "closed");
  const creator = members.find((m) => m.id === s.createdById)?.name ?? t("formerMember");
  const claims = s.articles.reduce((n, a) => n + a.claims + a.reconciled, 0);
  return (
    <main className="space-y-6">
      <nav aria-label={list("breadcrumb")} className="text-sm">
        <Link href={`/w/${slug}/sessions`} className="text-blue-700 underline">
          {list("title")}
        </Link>
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold" data-testid="session-name">
            {s.name}
          </h1>
          <ModeBadge mode={s.mode} />
          <StateBadge state={s.state} />
          <span className="ml-auto">
            <LiveRefresh workspaceId={actor.workspaceId} since={since} selfId={actor.userId} />
          </span>
        </div>
        <p className="text-sm text-slate-600">
          {t("created", { hint: modes(`hint.${s.mode}`), creator, date: s.createdAt.toISOString().slice(0, 10) })}
          {due && (
            <>
              {" "}
              {t.rich("due", {
                date: due.overdue ? t("overdue", { date: due.date }) : due.date,
                d: (chunks) => <span className={due.overdue ? "font-medium text-red-700" : undefined}>{chunks}</span>,
              })}
            </>
          )}
          {s.reviewers.length > 0 && t("reviewers", { names: s.reviewers.map((r) => r.name).join(", ") })}
        </p>
        {s.you.manage && (
          <SessionActions
            workspaceId={actor.workspaceId}
            slug={slug}
            session={{ id: s.id, version: s.version, name: s.name, state: s.state }}
            claims={claims}
            articles={s.articles.length}
            annotators={s.annotators.length}
          />
        )}
      </header>

      <section aria-labelledby="guidelines-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="guidelines-heading" className="mb-2 text-base font-semibold">
          {t("guidelines")}
        </h2>
        <Guidelines source={s.guidelines} />
      </section>

      <section aria-labelledby="progress-heading" className="space-y-2">
        <h2 id="progress-heading" className="text-base font-semibold">
          {t("progress")}
        </h2>
        <ProgressTable progress={s.progress} userId={actor.userId} />
      </section>

      <section aria-labelledby="assignments-heading" className="space-y-2">
        <h2 id="assignments-heading" className="text-base font-semibold">
          {t("assignments")}
        </h2>
        {s.state === "blind" && s.you.adjudicate && <p className="text-sm text-slate-600">{t("curationLater")}</p>}
        <AssignmentGrid slug={slug} workspaceId={actor.workspaceId} session={s} userId={actor.userId} />
      </section>

      {/* Agreement slot: the panel is its own component; annotators of a hidden blind session get a note instead. */}
      {agreement.data ? (
        <AgreementPanel slug={slug} workspaceId={actor.workspaceId} sessionId={id} data={agreement.data} />
      ) : (
        <section aria-labelledby="agreement-heading" className="space-y-2">
          <h2 id="agreement-heading" className="text-base font-semibold">
            {t("agreement")}
          </h2>
          <Alert tone="info" data-testid="agreement-hidden">
            {agreement.note}
          </Alert>
        </section>
      )}
    </main>
  );
}
