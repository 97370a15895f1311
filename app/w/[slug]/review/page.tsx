import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { listReviewQueue, listReviewQueueOptions, getReviewSettings } from "@/lib/server/review";
import { reviewQueueSchema } from "@/lib/validation/review";
import { ReviewFilters } from "@/components/review/review-filters";
import { ReviewQueue } from "@/components/review/review-queue";
import { CountingNote } from "@/components/review/counting-note";
import { Alert } from "@/components/ui/alert";
import { LiveRefresh } from "@/components/live/live-refresh";
import { liveCursor } from "@/lib/server/live-stream";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("queueTitle") };
}

type SP = Record<string, string | undefined>;

export default async function ReviewPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SP> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { actor } = await requirePageMember(slug);
  const t = await getTranslations("review");
  const since = await liveCursor(actor);
  // A hand-edited link with a bad filter shows the unfiltered queue and says so.
  const parsed = reviewQueueSchema.safeParse(sp);
  const filter = parsed.success ? parsed.data : reviewQueueSchema.parse({});
  const [queue, options, settings] = await Promise.all([listReviewQueue(actor, filter), listReviewQueueOptions(actor), getReviewSettings(actor)]);
  const keep = Object.fromEntries(Object.entries(sp).filter((e): e is [string, string] => e[0] !== "cursor" && !!e[1]));
  const next = queue.nextCursor ? `/w/${slug}/review?${new URLSearchParams({ ...keep, cursor: queue.nextCursor })}` : null;
  const first = filter.cursor ? `/w/${slug}/review?${new URLSearchParams(keep)}` : null;
  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">{t("queueTitle")}</h1>
        <p className="text-sm text-slate-600" data-testid="review-total">
          {t("total", { count: queue.total, status: t(`statusLower.${filter.status}`) })}
          {queue.total > queue.items.length && t("showing", { count: queue.items.length })}
        </p>
        <span className="ml-auto flex items-center gap-3">
          <LiveRefresh workspaceId={actor.workspaceId} since={since} selfId={actor.userId} />
          <CountingNote approvedOnly={settings.countApprovedOnly} />
        </span>
      </div>
      {!parsed.success && <Alert tone="warning">{t("badFilters")}</Alert>}
      <ReviewFilters
        slug={slug}
        filters={filter}
        byStatus={queue.byStatus}
        options={{ ...options, claimTypes: options.claimTypes.map((t) => ({ id: t.id, label: t.label })) }}
      />
      <ReviewQueue slug={slug} items={queue.items} claimTypes={options.claimTypes} status={filter.status} />
      {(next || first) && (
        <nav aria-label={t("pages")} className="flex gap-4 text-sm">
          {first && (
            <Link className="text-blue-700 underline" href={first}>
              {t("firstPage")}
            </Link>
          )}
          {next && (
            <Link className="text-blue-700 underline" href={next}>
              {t("nextPage")}
            </Link>
          )}
        </nav>
      )}
    </main>
  );
}
