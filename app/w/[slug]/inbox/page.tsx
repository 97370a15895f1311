import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { clsx } from "clsx";
import { requirePageMember } from "@/lib/auth/session";
import { listInbox, unreadCount } from "@/lib/server/inbox";
import { InboxList } from "@/components/inbox/inbox-list";
import { LiveRefresh } from "@/components/live/live-refresh";
import { liveCursor } from "@/lib/server/live-stream";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cursor?: string; unread?: string }>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const { actor } = await requirePageMember(slug);
  const t = await getTranslations("inbox");
  const since = await liveCursor(actor);
  const onlyUnread = sp.unread === "1";
  // A cursor from an old link that no longer fits starts from the top.
  const cursor = sp.cursor && UUID.test(sp.cursor) ? sp.cursor : undefined;
  const page = await listInbox(actor, { cursor, unread: onlyUnread, limit: 50 }).catch(() => listInbox(actor, { unread: onlyUnread, limit: 50 }));
  const { unread } = await unreadCount(actor);
  const base = `/w/${slug}/inbox`;
  const filters = [
    { href: base, label: t("all"), active: !onlyUnread },
    { href: `${base}?unread=1`, label: t("unreadFilter", { count: unread }), active: onlyUnread },
  ];
  return (
    <main className="mx-auto max-w-3xl space-y-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro", { workspace: actor.workspaceName })}</p>
        <LiveRefresh workspaceId={actor.workspaceId} since={since} selfId={actor.userId} />
        <nav aria-label={t("filter")} className="ml-auto flex gap-1 text-sm">
          {filters.map((f) => (
            <Link
              key={f.href}
              href={f.href}
              aria-current={f.active ? "page" : undefined}
              className={clsx("rounded px-2.5 py-1", f.active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100")}
            >
              {f.label}
            </Link>
          ))}
        </nav>
      </header>
      <InboxList slug={slug} workspaceId={actor.workspaceId} items={page.items} />
      {(cursor || page.nextCursor) && (
        <nav aria-label={t("pages")} className="flex justify-between text-sm">
          {cursor ? (
            <Link href={onlyUnread ? `${base}?unread=1` : base} className="text-blue-800 underline">
              {t("newest")}
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link
              href={`${base}?${new URLSearchParams({ ...(onlyUnread ? { unread: "1" } : {}), cursor: page.nextCursor })}`}
              className="text-blue-800 underline"
            >
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </main>
  );
}
