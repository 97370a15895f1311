"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { restoreAnnotationAction } from "@/lib/actions/annotations";
import { listDeletedClaimsAction } from "@/lib/actions/history";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AnnotationView } from "@/lib/server/annotations";
import type { listDeletedClaims } from "@/lib/server/history";

type Deleted = Awaited<ReturnType<typeof listDeletedClaims>>[number];

/** An article's deleted claims, as a disclosure: who deleted each and when, and Restore for editors. */
export function DeletedClaims({
  workspaceId,
  articleId,
  canRestore,
  refreshKey,
  onRestored,
}: {
  workspaceId: string;
  articleId: string;
  canRestore: boolean;
  refreshKey?: string | number;
  onRestored: (a: AnnotationView) => void;
}) {
  const t = useTranslations("history.deleted");
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Deleted[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await listDeletedClaimsAction(workspaceId, articleId);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setItems(res.data);
  }, [workspaceId, articleId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the signal to load again
  useEffect(() => {
    if (open) void load();
  }, [open, load, refreshKey]);

  return (
    <details className="text-sm" data-testid="deleted-claims" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-slate-600">{items ? t("summaryCount", { count: items.length }) : t("summary")}</summary>
      <div className="mt-2 space-y-2">
        {error && <Alert>{error}</Alert>}
        {items?.length === 0 && <p className="text-slate-500">{t("none")}</p>}
        <ul className="space-y-2">
          {items?.map((c) => (
            <li key={c.id} className="rounded border border-dashed border-slate-300 p-2">
              <q className="italic text-slate-700">{c.exact}</q>
              <span className="mt-1 flex items-center gap-2 text-xs text-slate-500">
                {c.deletedBy ? t("deletedBy", { name: c.deletedBy.name }) : t("deletedAnon")} ·{" "}
                {format.dateTime(new Date(c.deletedAt), { dateStyle: "medium", timeStyle: "short" })}
                {canRestore && (
                  <Button
                    size="sm"
                    variant="secondary"
                    className="ml-auto"
                    onClick={async () => {
                      const res = await restoreAnnotationAction(workspaceId, c.id);
                      if (!res.ok) return setError(res.error.message);
                      onRestored(res.data);
                      await load();
                    }}
                  >
                    {t("restore")}
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
