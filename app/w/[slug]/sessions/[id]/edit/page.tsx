import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePageMember } from "@/lib/auth/session";
import { AppError } from "@/lib/server/errors";
import { sessionFormOptions } from "@/lib/server/session-form-options";
import { getSession } from "@/lib/server/sessions";
import { dueOf } from "@/lib/domain/session-view";
import { SessionForm } from "@/components/sessions/session-form";
import { Alert } from "@/components/ui/alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessionsPage"))("editTitle") };
}

export default async function EditSessionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor } = await requirePageMember(slug, "sessions.manage");
  const session = await getSession(actor, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const back = `/w/${slug}/sessions/${session.id}`;
  const t = await getTranslations("sessionsPage");
  const options = session.you.manage && session.state !== "closed" ? await sessionFormOptions(actor, session.articleIds) : null;
  const claims = session.articles.reduce((n, a) => n + a.claims + a.reconciled, 0);
  return (
    <main className="mx-auto max-w-4xl space-y-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/w/${slug}/sessions`} className="text-blue-700 underline">
          {t("title")}
        </Link>{" "}
        /{" "}
        <Link href={back} className="text-blue-700 underline">
          {session.name}
        </Link>
      </nav>
      <h1 className="text-xl font-semibold">{t("editTitle")}</h1>
      {!session.you.manage ? (
        <Alert tone="info">{t("editNotAllowed")}</Alert>
      ) : !options ? (
        <Alert tone="info">{t("editClosed")}</Alert>
      ) : (
        <SessionForm
          // A newer version (after “Load the latest version”) starts the form afresh from it.
          key={session.version}
          workspaceId={actor.workspaceId}
          slug={slug}
          options={options}
          session={{
            id: session.id,
            version: session.version,
            name: session.name,
            guidelines: session.guidelines,
            mode: session.mode,
            dueAt: dueOf(session.dueAt, new Date())?.date ?? null,
            articleIds: session.articleIds,
            annotatorIds: session.annotators.map((u) => u.id),
            reviewerIds: session.reviewers.map((u) => u.id),
            modeLocked: claims > 0,
          }}
        />
      )}
    </main>
  );
}
