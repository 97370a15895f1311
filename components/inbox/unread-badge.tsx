"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { unreadCountAction } from "@/lib/actions/inbox";

/**
 * The header's inbox link with the unread count. The layout renders the count (so every refresh,
 * live ones included, brings it up to date); coming back to the tab asks again.
 */
export function UnreadBadge({ slug, workspaceId, initial }: { slug: string; workspaceId: string; initial: number }) {
  const t = useTranslations("inbox");
  const [unread, setUnread] = useState(initial);
  const pathname = usePathname();
  useEffect(() => setUnread(initial), [initial]);
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      void unreadCountAction(workspaceId).then((r) => r.ok && setUnread(r.data.unread));
    };
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener("focus", refresh);
    return () => {
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener("focus", refresh);
    };
  }, [workspaceId]);
  const href = `/w/${slug}/inbox`;
  return (
    <Link
      href={href}
      aria-current={pathname === href ? "page" : undefined}
      aria-label={t("linkLabel", { count: unread })}
      className={clsx(
        "inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-1 text-slate-700 hover:bg-slate-100",
        pathname === href && "bg-slate-100",
      )}
      data-testid="inbox-link"
    >
      {t("link")}
      {unread > 0 && (
        <span className="rounded-full bg-blue-700 px-1.5 text-xs font-semibold tabular-nums text-white" data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
