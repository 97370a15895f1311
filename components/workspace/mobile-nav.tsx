"use client";

import * as Dialog from "@radix-ui/react-dialog";
import Form from "next/form";
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { ThemeToggle } from "./theme-toggle";
import { NavLinks, WorkspaceSwitch } from "./workspace-nav";

/**
 * Below the xl breakpoint the header collapses into this "Menu" sheet: the workspace switcher,
 * search, the section links, inbox and sign-out. Radix gives it aria-expanded, Esc and focus return.
 */
export function MobileNav({
  slug,
  workspaces,
  current,
  canImport,
  review,
  inbox,
  signOut,
}: {
  slug: string;
  workspaces: { slug: string; name: string }[];
  current: string;
  canImport: boolean;
  review?: ReactNode;
  inbox: ReactNode;
  signOut: ReactNode;
}) {
  const t = useTranslations("mobileNav");
  const [open, setOpen] = useState(false);
  // Widening the window past xl hides the sheet; close it so its focus trap and scroll lock go too.
  useEffect(() => {
    const wide = window.matchMedia("(min-width: 80rem)");
    const onChange = () => wide.matches && setOpen(false);
    wide.addEventListener("change", onChange);
    return () => wide.removeEventListener("change", onChange);
  }, []);
  // Any link followed inside the sheet closes it (the layout stays mounted, so it would stay open).
  const closeOnLink = (e: React.MouseEvent) => {
    if (e.target instanceof Element && e.target.closest("a")) setOpen(false);
  };
  const item = "rounded";
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 xl:hidden">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
          <path d="M2 4h12M2 8h12M2 12h12" />
        </svg>
        {t("menu")}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 xl:hidden" />
        <Dialog.Content
          className="fixed inset-y-0 right-0 z-40 flex w-[min(20rem,calc(100vw-3rem))] flex-col gap-4 overflow-y-auto border-l border-slate-200 bg-white p-4 shadow-xl xl:hidden"
          onClick={closeOnLink}
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-lg font-semibold">{t("menu")}</Dialog.Title>
            <Dialog.Close className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50">{t("close")}</Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{t("description")}</Dialog.Description>
          <WorkspaceSwitch id="workspace-switch-menu" slug={slug} workspaces={workspaces} current={current} className="w-full" />
          <Form action={`/w/${slug}/search`} role="search" aria-label={t("searchLandmark")} onSubmit={() => setOpen(false)}>
            <label htmlFor="menu-search" className="sr-only">
              {t("searchLabel")}
            </label>
            <input
              id="menu-search"
              name="q"
              type="search"
              maxLength={200}
              autoComplete="off"
              placeholder={t("searchPlaceholder")}
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
            />
          </Form>
          <nav aria-label={t("nav")} className="flex flex-col gap-0.5 text-sm [&>a]:px-2.5 [&>a]:py-2">
            <NavLinks slug={slug} canImport={canImport} review={review} itemClass={item} />
            {inbox}
          </nav>
          <ThemeToggle id="theme-toggle-menu" className="[&>select]:w-full" />
          <LocaleSwitch className="[&>select]:w-full" />
          <div className="mt-auto border-t border-slate-200 pt-3 text-sm">{signOut}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
