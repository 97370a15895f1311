import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePageMember } from "@/lib/auth/session";
import { getCuration } from "@/lib/server/curation";
import { AppError } from "@/lib/server/errors";
import { liveCursor } from "@/lib/server/live-stream";
import { listClaimTypes, listMembers } from "@/lib/server/workspaces";
import { CurationRefused } from "@/components/sessions/curation-refused";
import { CurationView } from "@/components/sessions/curation-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.curation"))("pageTitle") };
}

export default async function CuratePage({ params }: { params: Promise<{ slug: string; id: string; articleId: string }> }) {
  const { slug, id, articleId } = await params;
  const { actor } = await requirePageMember(slug);
  // Before the data: live updates replay whatever lands between this read and the stream.
  const since = await liveCursor(actor);
  const view = await getCuration(actor, id, articleId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    // Not an adjudicator of this session, or it is still blind: say so, it is not a failure.
    if (err instanceof AppError && (err.code === "forbidden" || err.code === "conflict")) return { refused: err.code, message: err.message } as const;
    throw err;
  });
  if ("refused" in view) return <CurationRefused slug={slug} sessionId={id} code={view.refused} message={view.message} />;
  const [claimTypes, members] = await Promise.all([listClaimTypes(actor), listMembers(actor)]);
  // Members by name; an author who has left the workspace keeps the name their claims carry.
  const names: Record<string, string> = Object.fromEntries(view.units.flatMap((u) => u.claims.map((c) => [c.author.id, c.author.name])));
  for (const m of members) names[m.id] = m.name;
  return <CurationView slug={slug} workspaceId={actor.workspaceId} userId={actor.userId} since={since} view={view} names={names} claimTypes={claimTypes} />;
}
