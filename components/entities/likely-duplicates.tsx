"use client";

import { useTranslations } from "next-intl";
import { mergeEntitiesAction } from "@/lib/actions/entities";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

type Pair = { a: { id: string; name: string }; b: { id: string; name: string }; score: number; reason: string };

/** Entities that probably name the same thing, each pair with a one-click merge (confirmed). */
export function LikelyDuplicates({ workspaceId, pairs, canEdit }: { workspaceId: string; pairs: Pair[]; canEdit: boolean }) {
  const t = useTranslations("entities");
  if (pairs.length === 0) return null;
  return (
    <section aria-labelledby="dupes-h" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="likely-duplicates">
      <h3 id="dupes-h" className="font-semibold text-amber-950">
        {t("dupes", { count: pairs.length })}
      </h3>
      <p className="text-sm text-amber-950">{t("dupesText")}</p>
      <ul className="mt-2 space-y-1.5 text-sm">
        {pairs.map((p) => (
          <li key={`${p.a.id}-${p.b.id}`} className="flex flex-wrap items-center gap-2">
            <span>
              {t.rich("dupePair", { a: p.a.name, b: p.b.name, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
              <span className="text-amber-900">— {p.reason}</span>
            </span>
            {canEdit && (
              <span className="ml-auto flex gap-1">
                {(
                  [
                    [p.b, p.a],
                    [p.a, p.b],
                  ] as const
                ).map(([from, into]) => (
                  <ConfirmDialog
                    key={from.id}
                    trigger={
                      <Button size="sm" variant="secondary">
                        {t("mergeFromInto", { from: from.name, into: into.name })}
                      </Button>
                    }
                    title={t("mergeTitle", { from: from.name, into: into.name })}
                    description={t("mergePairText", { from: from.name, into: into.name })}
                    confirmLabel={t("merge")}
                    pendingLabel={t("merging")}
                    onConfirm={async () => {
                      const r = await mergeEntitiesAction(workspaceId, { sourceId: from.id, targetId: into.id });
                      return r.ok ? null : r.error.message;
                    }}
                  />
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
