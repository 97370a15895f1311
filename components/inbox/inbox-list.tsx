"use client";

import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { markNotificationsReadAction } from "@/lib/actions/inbox";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { InboxItem } from "@/lib/server/inbox";

/** What happened, in words: "Lan mentioned you on a claim", "Jane rejected your claim". */
function useDescribeNotification() {
  const t = useTranslations("inbox");
  return (n: Pick<InboxItem, "kind" | "targetType" | "status" | "actor">) =>
    t("notification", { kind: n.kind, who: n.actor?.name ?? t("someone"), target: n.targetType ?? "claim", status: n.status ?? "other" });
}

function hrefOf(slug: string, n: InboxItem): string | null {
  if (n.targetType === "user") return `/w/${slug}/settings#account-h`;
  if (n.targetType === "proposition") return `/w/${slug}/propositions/${n.targetId}`;
  return n.articleId ? `/w/${slug}/articles/${n.articleId}?claim=${n.targetId}` : null;
}

/** The inbox: each notification links to its claim or proposition; opening one marks it read. */
export function InboxList({ slug, workspaceId, items }: { slug: string; workspaceId: string; items: InboxItem[] }) {
  const router = useRouter();
  const t = useTranslations("inbox");
  const format = useFormatter();
  const describeNotification = useDescribeNotification();
  const [error, setError] = useState<string | null>(null);
  const unread = items.filter((i) => !i.readAt).length;

  async function mark(input: { ids: string[] } | { all: true }) {
    const res = await markNotificationsReadAction(workspaceId, input);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {error && <Alert>{error}</Alert>}
      <div className="flex items-center gap-2">
        <Button size="sm" variant="secondary" disabled={unread === 0} onClick={() => void mark({ all: true })}>
          {t("markAllRead")}
        </Button>
      </div>
      {items.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t("empty")}</p>}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {items.map((n) => {
          const href = hrefOf(slug, n);
          const title = describeNotification(n);
          return (
            <li key={n.id} className={clsx("flex items-start gap-3 p-3", !n.readAt && "bg-blue-50/60")} data-testid="inbox-item" data-unread={!n.readAt}>
              <span aria-hidden className={clsx("mt-1.5 h-2 w-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-blue-700")} />
              <div className="min-w-0 flex-1 space-y-0.5">
                <p className="text-sm">
                  {href ? (
                    <Link href={href} className="font-medium text-blue-800 underline" onClick={() => !n.readAt && void mark({ ids: [n.id] })}>
                      {title}
                    </Link>
                  ) : (
                    <span className="font-medium">{title}</span>
                  )}
                  {!n.readAt && <span className="sr-only">{t("unreadSr")}</span>}
                </p>
                {n.kind === "security" ? (
                  <p className="text-xs text-slate-600">
                    {n.label && `${t("securityFrom", { address: n.label })} `}
                    {t("securityHint")}
                  </p>
                ) : (
                  n.label && <p className="truncate text-xs italic text-slate-600">{n.label}</p>
                )}
                {n.excerpt && <p className="line-clamp-2 whitespace-pre-wrap break-words text-sm text-slate-800">{n.excerpt}</p>}
                <time className="text-xs text-slate-500" dateTime={new Date(n.createdAt).toISOString()}>
                  {format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              {!n.readAt && (
                <Button size="sm" variant="ghost" className="text-xs" onClick={() => void mark({ ids: [n.id] })}>
                  {t("markRead")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
