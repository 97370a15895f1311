"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";

/** "Review" in the workspace header, with how many claims wait for a reviewer. */
export function ReviewNavLink({ slug, submitted }: { slug: string; submitted: number }) {
  const t = useTranslations("review");
  const href = `/w/${slug}/review`;
  const active = usePathname().startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={clsx("whitespace-nowrap rounded px-2.5 py-1.5 text-sm", active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100")}
      data-testid="review-nav"
    >
      {t("title")}
      {submitted > 0 && (
        <>
          <span aria-hidden className={clsx("ml-1 rounded-full px-1.5 text-xs font-semibold", active ? "bg-white text-slate-900" : "bg-blue-700 text-white")}>
            {submitted}
          </span>
          <span className="sr-only">{t("navSubmitted", { count: submitted })}</span>
        </>
      )}
    </Link>
  );
}
