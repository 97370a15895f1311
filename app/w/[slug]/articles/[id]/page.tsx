import type { Metadata } from "next";
import { requirePageMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/membership";
import { getReaderData } from "@/lib/server/articles";
import { listPresence } from "@/lib/server/presence";
import { AppError } from "@/lib/server/errors";
import { listClaimTypes } from "@/lib/server/workspaces";
import { liveCursor } from "@/lib/server/live-stream";
import { notFound } from "next/navigation";
import { Reader } from "@/components/reader/reader";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<{ claim?: string }>;
}) {
  const { slug, id } = await params;
  const { claim } = await searchParams;
  const { actor } = await requirePageMember(slug);
  // Before the data: live updates replay whatever lands between this read and the stream.
  const since = await liveCursor(actor);
  const article = await getReaderData(actor, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [claimTypes, presence] = await Promise.all([listClaimTypes(actor), listPresence(actor, id)]);
  return (
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
    />
  );
}
