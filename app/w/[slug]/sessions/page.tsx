import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/membership";
import { requirePageMember } from "@/lib/auth/session";
import { liveCursor } from "@/lib/server/live-stream";
import { listSessions } from "@/lib/server/sessions";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { LiveRefresh } from "@/components/live/live-refresh";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessionsPage"))("title") };
}

const newButton =
  "inline-flex items-center rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

export default async function SessionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug);
  const t = await getTranslations("sessionsPage");
  const since = await liveCursor(actor);
  const sessions = await listSessions(actor);
  const canCreate = can(actor, "sessions.manage");
  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("heading")}</h1>
        <p className="text-sm text-slate-600" data-testid="session-total">
          {t("count", { count: sessions.length })}
        </p>
        <span className="ml-auto flex items-center gap-3">
          <LiveRefresh workspaceId={actor.workspaceId} since={since} selfId={actor.userId} />
          {canCreate && sessions.length > 0 && (
            <Link href={`/w/${slug}/sessions/new`} className={newButton}>
              {t("new")}
            </Link>
          )}
        </span>
      </div>
      {sessions.length === 0 ? (
        <section
          aria-labelledby="no-sessions"
          className="mx-auto max-w-2xl rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center"
          data-testid="sessions-empty"
        >
          <h2 id="no-sessions" className="text-lg font-semibold">
            {t("none")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t("explain")}</p>
          {canCreate ? (
            <Link href={`/w/${slug}/sessions/new`} className={`${newButton} mt-5`}>
              {t("new")}
            </Link>
          ) : (
            <p className="mt-4 text-sm text-slate-500">{t("whoCan")}</p>
          )}
        </section>
      ) : (
        <SessionsTable slug={slug} sessions={sessions} now={new Date()} />
      )}
    </main>
  );
}
