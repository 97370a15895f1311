import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/membership";
import { getReaderData } from "@/lib/server/articles";
import { listPresence } from "@/lib/server/presence";
import { AppError } from "@/lib/server/errors";
import { listClaimTypes } from "@/lib/server/workspaces";
import { mySessionsForArticle } from "@/lib/server/sessions";
import { liveCursor } from "@/lib/server/live-stream";
import { notFound } from "next/navigation";
import { Reader } from "@/components/reader/reader";
import { SessionBar } from "@/components/sessions/session-bar";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reader"))("pageTitle") };
}

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<{ claim?: string; session?: string }>;
}) {
  const { slug, id } = await params;
  const { claim, session } = await searchParams;
  const { actor } = await requirePageMember(slug);
  // Before the data: live updates replay whatever lands between this read and the stream.
  const since = await liveCursor(actor);
  const article = await getReaderData(actor, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [claimTypes, presence, sessions] = await Promise.all([listClaimTypes(actor), listPresence(actor, id), mySessionsForArticle(actor, id)]);
  // Claims go to the session the link names, when it takes them here; otherwise the server picks.
  const activeSession = sessions.some((s) => s.id === session) ? session! : null;
  return (
    <main>
      {(sessions.length > 0 || session) && (
        <SessionBar
          workspaceId={actor.workspaceId}
          slug={slug}
          articleId={id}
          sessions={sessions.map((s) => ({ ...s, dueAt: s.dueAt?.toISOString().slice(0, 10) ?? null }))}
          active={activeSession}
          requested={session ?? null}
        />
      )}
      <Reader
        article={article}
        claimTypes={claimTypes}
        workspaceId={actor.workspaceId}
        slug={slug}
        canEdit={can(actor, "claims.write")}
        presence={presence}
        since={since}
        userId={actor.userId}
        initialClaimId={article.annotations.some((a) => a.id === claim) ? claim : undefined}
        sessionId={activeSession ?? undefined}
      />
    </main>
  );
}
