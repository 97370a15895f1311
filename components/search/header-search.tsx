"use client";

import { useTranslations } from "next-intl";
import Form from "next/form";
import { usePathname } from "next/navigation";
import { SlashFocus } from "./slash-focus";

/** Compact search box for the workspace header; hidden on the search page, which has its own. */
export function HeaderSearch({ slug }: { slug: string }) {
  const pathname = usePathname();
  const t = useTranslations("search");
  if (pathname === `/w/${slug}/search`) return null;
  return (
    <Form action={`/w/${slug}/search`} role="search" aria-label={t("headerLandmark")} className="hidden md:block">
      <label htmlFor="header-search" className="sr-only">
        {t("thisWorkspace")}
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        maxLength={200}
        autoComplete="off"
        placeholder={t("headerPlaceholder")}
        data-slash-focus
        className="w-40 rounded-md 2xl:w-56 border border-slate-300 bg-white px-3 py-1.5 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
      />
      <SlashFocus />
    </Form>
  );
}
