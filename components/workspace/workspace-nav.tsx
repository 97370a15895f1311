"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { Fragment } from "react";

export type NavLink = { href: string; label: NavLabel; exact: boolean };
/** Catalogue keys under "nav". */
export type NavLabel = "articles" | "compare" | "entities" | "search" | "import" | "sessions" | "settings";

/** The workspace's section links, in header order (Review is slotted in before Settings). */
export function workspaceLinks(slug: string, canImport: boolean): NavLink[] {
  return [
    { href: `/w/${slug}`, label: "articles", exact: true },
    { href: `/w/${slug}/propositions`, label: "compare", exact: false },
    { href: `/w/${slug}/entities`, label: "entities", exact: false },
    { href: `/w/${slug}/search`, label: "search", exact: false },
    ...(canImport ? [{ href: `/w/${slug}/import`, label: "import", exact: false } satisfies NavLink] : []),
    { href: `/w/${slug}/sessions`, label: "sessions", exact: false },
    { href: `/w/${slug}/settings`, label: "settings", exact: false },
  ];
}

function isActive(pathname: string, l: NavLink) {
  return l.exact ? pathname === l.href : pathname.startsWith(l.href);
}

/** The workspace switcher; `id` differs between the inline header and the menu so both can exist. */
export function WorkspaceSwitch({
  id,
  slug,
  workspaces,
  current,
  className,
}: {
  id: string;
  slug: string;
  workspaces: { slug: string; name: string }[];
  current: string;
  className?: string;
}) {
  const router = useRouter();
  const t = useTranslations("nav");
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {t("workspace")}
      </label>
      <select
        id={id}
        className={clsx("truncate rounded border border-slate-300 bg-white px-2 py-1 text-sm", className)}
        value={slug}
        onChange={(e) => router.push(`/w/${e.target.value}`)}
        title={current}
      >
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** The workspace's links in order, the Review link (for those who review) before Settings; used by the header and the Menu. */
export function NavLinks({ slug, canImport, review, itemClass }: { slug: string; canImport: boolean; review?: React.ReactNode; itemClass: string }) {
  const pathname = usePathname();
  const t = useTranslations("nav");
  return workspaceLinks(slug, canImport).map((l) => {
    const active = isActive(pathname, l);
    const link = (
      <Link
        key={l.href}
        href={l.href}
        aria-current={active ? "page" : undefined}
        className={clsx(itemClass, active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100")}
      >
        {t(l.label)}
      </Link>
    );
    return l.label === "settings" && review ? (
      <Fragment key={l.href}>
        {review}
        {link}
      </Fragment>
    ) : (
      link
    );
  });
}

/** The inline header navigation, shown from the xl breakpoint; below it the Menu (mobile-nav.tsx) holds the same links. */
export function WorkspaceNav({
  slug,
  workspaces,
  current,
  canImport,
  review,
}: {
  slug: string;
  workspaces: { slug: string; name: string }[];
  current: string;
  canImport: boolean;
  /** The Review link (with its count), shown before Settings for those who review. */
  review?: React.ReactNode;
}) {
  const t = useTranslations("nav");
  return (
    <nav aria-label={t("workspace")} className="hidden items-center gap-0.5 text-sm xl:flex 2xl:gap-1">
      <WorkspaceSwitch id="workspace-switch" slug={slug} workspaces={workspaces} current={current} className="max-w-32 2xl:max-w-56" />
      <NavLinks slug={slug} canImport={canImport} review={review} itemClass="whitespace-nowrap rounded px-1 py-1.5 2xl:px-2.5" />
    </nav>
  );
}
