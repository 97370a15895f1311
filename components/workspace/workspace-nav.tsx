"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { Fragment } from "react";

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
  const pathname = usePathname();
  const router = useRouter();
  const links = [
    { href: `/w/${slug}`, label: "Articles", exact: true },
    { href: `/w/${slug}/propositions`, label: "Compare", exact: false },
    { href: `/w/${slug}/entities`, label: "Entities", exact: false },
    { href: `/w/${slug}/search`, label: "Search", exact: false },
    ...(canImport ? [{ href: `/w/${slug}/import`, label: "Import", exact: false }] : []),
    { href: `/w/${slug}/sessions`, label: "Sessions", exact: false },
    { href: `/w/${slug}/settings`, label: "Settings", exact: false },
  ];
  return (
    <nav aria-label="Workspace" className="flex items-center gap-0.5 text-sm 2xl:gap-1">
      <label className="sr-only" htmlFor="workspace-switch">
        Workspace
      </label>
      <select
        id="workspace-switch"
        className="max-w-36 truncate rounded border 2xl:max-w-56 border-slate-300 bg-white px-2 py-1 text-sm"
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
      {links.map((l) => {
        const active = l.exact ? pathname === l.href : pathname.startsWith(l.href);
        const link = (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            className={clsx("whitespace-nowrap rounded px-2 py-1.5 2xl:px-2.5", active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100")}
          >
            {l.label}
          </Link>
        );
        return l.label === "Settings" && review ? (
          <Fragment key={l.href}>
            {review}
            {link}
          </Fragment>
        ) : (
          link
        );
      })}
    </nav>
  );
}
