"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { SourceListItem } from "@/lib/server/sources";
import { SourceEditRow } from "./source-edit-row";

type Option = { id: string; name: string };

const none = <span className="text-slate-500">—</span>;

/** Sources with their provenance links and usage; editors edit one row at a time, in place. */
export function SourcesTable({
  workspaceId,
  sources,
  options,
  canEdit,
}: {
  workspaceId: string;
  sources: SourceListItem[];
  options: Option[];
  canEdit: boolean;
}) {
  const t = useTranslations("entities");
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("sourcesCaption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("colName")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("colKind")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("colRelays")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("colEntity")}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              {t("colPublished")}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              {t("colRelayedIn")}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              {t("colClaimsSpoken")}
            </th>
            {canEdit && (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">{t("colActions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sources.map((s) =>
            editing === s.id ? (
              <SourceEditRow key={s.id} workspaceId={workspaceId} source={s} options={options} onClose={() => setEditing(null)} />
            ) : (
              <tr key={s.id} className="border-b border-slate-100 align-top last:border-0 hover:bg-slate-50" data-testid="source-row">
                <th scope="row" className="px-4 py-2 font-medium">
                  {s.name}
                  {(s.country || s.language) && (
                    <span className="block text-xs font-normal text-slate-500">{[s.country, s.language?.toUpperCase()].filter(Boolean).join(" · ")}</span>
                  )}
                </th>
                <td className="px-4 py-2">{t(`sourceKind.${s.kind}`)}</td>
                <td className="px-4 py-2">{s.upstream?.name ?? none}</td>
                <td className="px-4 py-2">{s.entity?.name ?? none}</td>
                <td className="px-4 py-2 text-right tabular-nums">{s.counts.published}</td>
                <td className="px-4 py-2 text-right tabular-nums">{s.counts.relayedIn}</td>
                <td className="px-4 py-2 text-right tabular-nums">{s.counts.claimsSpoken}</td>
                {canEdit && (
                  <td className="px-4 py-2 text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setEditing(s.id)}
                      aria-label={t("editLabel", { name: s.name })}
                      disabled={editing !== null}
                    >
                      {t("edit")}
                    </Button>
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
