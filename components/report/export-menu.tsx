"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";

const FORMATS = ["csv", "jsonl", "w3c", "claimreview", "markdown"] as const;

/** Export what is on screen: the same scope (article, propositions, filters) in every format. */
export function ExportMenu({ workspaceId, slug, query, label }: { workspaceId: string; slug: string; query: string; label?: string }) {
  const t = useTranslations("report.exports");
  const q = query ? `?${query}` : "";
  const item = "block rounded px-3 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100";
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" data-testid="export-menu">
        {label ?? t("button")} ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Item asChild>
            <a className={item} href={`/w/${slug}/report${q}`}>
              {t("web")}
            </a>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          {FORMATS.map((f) => (
            <DropdownMenu.Item key={f} asChild>
              <a className={item} href={`/api/v1/workspaces/${workspaceId}/exports/${f}${q}`} download>
                {t(f)}
              </a>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
