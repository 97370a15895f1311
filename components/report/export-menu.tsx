"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";

const FORMATS = [
  { format: "csv", label: "CSV (one row per claim mention)" },
  { format: "jsonl", label: "JSON Lines" },
  { format: "w3c", label: "W3C Web Annotation (JSON-LD)" },
  { format: "claimreview", label: "schema.org ClaimReview (rated propositions)" },
  { format: "markdown", label: "Claim report (Markdown)" },
];

/** Export what is on screen: the same scope (article, propositions, filters) in every format. */
export function ExportMenu({ workspaceId, slug, query, label = "Export" }: { workspaceId: string; slug: string; query: string; label?: string }) {
  const q = query ? `?${query}` : "";
  const item = "block rounded px-3 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100";
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" data-testid="export-menu">
        {label} ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Item asChild>
            <a className={item} href={`/w/${slug}/report${q}`}>
              Claim report (web page, print to PDF)
            </a>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          {FORMATS.map((f) => (
            <DropdownMenu.Item key={f.format} asChild>
              <a className={item} href={`/api/v1/workspaces/${workspaceId}/exports/${f.format}${q}`} download>
                {f.label}
              </a>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
