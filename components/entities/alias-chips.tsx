"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { removeAliasAction } from "@/lib/actions/entities";
import { foldForMatch } from "@/lib/domain/claim-types";

type Alias = { id: string; alias: string; language: string | null };

/** An entity's aliases as chips; editors remove them (never the name, never the last one). */
export function AliasChips({ workspaceId, entityName, aliases, canEdit }: { workspaceId: string; entityName: string; aliases: Alias[]; canEdit: boolean }) {
  const t = useTranslations("entities");
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nameKey = foldForMatch(entityName);

  async function remove(a: Alias) {
    setPending(a.id);
    setError(null);
    const res = await removeAliasAction(workspaceId, { aliasId: a.id });
    setPending(null);
    if (!res.ok) setError(res.error.message);
  }

  return (
    <div>
      <ul className="flex flex-wrap gap-1.5" aria-label={t("aliasesOf", { name: entityName })}>
        {aliases.map((a) => {
          const isName = foldForMatch(a.alias) === nameKey;
          const removable = canEdit && !isName && aliases.length > 1;
          return (
            <li
              key={a.id}
              className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm ${isName ? "border-blue-300 bg-blue-50" : "border-slate-300 bg-slate-50"}`}
            >
              <span lang={a.language ?? undefined}>{a.alias}</span>
              {a.language && <span className="text-xs uppercase text-slate-500">{a.language}</span>}
              {isName && <span className="text-xs text-blue-800">{t("nameChip")}</span>}
              {removable && (
                <button
                  type="button"
                  className="-mr-1 rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 disabled:opacity-50"
                  aria-label={t("removeAlias", { alias: a.alias })}
                  disabled={pending !== null}
                  onClick={() => void remove(a)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
