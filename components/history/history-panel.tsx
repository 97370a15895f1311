"use client";

import { useFormatter, useTranslations } from "next-intl";
import { sayReanchorWhy } from "@/lib/i18n/translate";
import { useCallback, useEffect, useRef, useState } from "react";
import { restoreAnnotationAction } from "@/lib/actions/annotations";
import { annotationHistoryAction, propositionHistoryAction, revertAnnotationAction } from "@/lib/actions/history";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AnnotationView } from "@/lib/server/annotations";
import type { HistoryEntry, HistoryPage } from "@/lib/server/history";
import { ChangeTable } from "./change-table";
import { summaryText } from "./history-text";

/**
 * A claim's or a proposition's history, as a disclosure: who, when, what in words, and each
 * field before → after. On a claim, editors can revert to a version or restore a deleted claim.
 * Loads when opened; reloads when `refreshKey` changes while open. Key it by the entity's id.
 */
export function HistoryPanel({
  workspaceId,
  entity,
  id,
  canRevert = false,
  refreshKey,
  onChanged,
}: {
  workspaceId: string;
  entity: "annotation" | "proposition";
  id: string;
  /** claims.write: show "Revert to this version" and "Restore". */
  canRevert?: boolean;
  refreshKey?: string | number;
  /** The claim after a revert or restore. */
  onChanged?: (a: AnnotationView) => void;
}) {
  const t = useTranslations("history.panel");
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState<HistoryPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = useRef(0);

  const fetchPage = useCallback(
    (cursor?: string) =>
      entity === "annotation"
        ? annotationHistoryAction(workspaceId, id, { cursor, limit: 20 })
        : propositionHistoryAction(workspaceId, id, { cursor, limit: 20 }),
    [workspaceId, entity, id],
  );
  const load = useCallback(async () => {
    const mine = ++request.current;
    const res = await fetchPage();
    if (mine !== request.current) return;
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setPage(res.data);
  }, [fetchPage]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the signal to load again
  useEffect(() => {
    if (open) void load();
  }, [open, load, refreshKey]);

  async function more() {
    if (!page?.nextCursor) return;
    const res = await fetchPage(page.nextCursor);
    if (res.ok) setPage({ ...res.data, items: [...page.items, ...res.data.items] });
  }

  async function act(run: () => Promise<{ ok: true; data: AnnotationView } | { ok: false; error: { message: string } }>, done: string) {
    setBusy(true);
    const res = await run();
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setNotice(done);
    onChanged?.(res.data);
    await load();
  }

  const current = page?.current ?? null;
  return (
    <details
      className="rounded-md border border-slate-200 bg-white"
      data-testid={`${entity === "annotation" ? "claim" : "proposition"}-history`}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold text-slate-700">{t("summary")}</summary>
      <div className="space-y-2 border-t border-slate-200 px-3 py-2">
        {error && <Alert>{error}</Alert>}
        {notice && <Alert tone="success">{notice}</Alert>}
        {current?.deleted && (
          <Alert tone="warning" className="flex items-center gap-2">
            {t("deleted")}
            {canRevert && (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => void act(() => restoreAnnotationAction(workspaceId, id), t("restored"))}>
                {t("restore")}
              </Button>
            )}
          </Alert>
        )}
        {page === null && !error && <p className="text-sm text-slate-500">{t("loading")}</p>}
        {page && page.items.length === 0 && <p className="text-sm text-slate-500">{t("empty")}</p>}
        <ol className="space-y-3">
          {page?.items.map((e) => (
            <Entry
              key={e.id}
              entry={e}
              onRevert={
                canRevert && e.revertible && current && !current.deleted
                  ? () =>
                      void act(
                        () => revertAnnotationAction(workspaceId, { id, eventId: e.id, version: current.version }),
                        t("reverted", { version: String(e.version ?? "") }),
                      )
                  : undefined
              }
              busy={busy}
            />
          ))}
        </ol>
        {page?.nextCursor && (
          <Button size="sm" variant="ghost" onClick={() => void more()}>
            {t("older")}
          </Button>
        )}
      </div>
    </details>
  );
}

function Entry({ entry, onRevert, busy }: { entry: HistoryEntry; onRevert?: () => void; busy: boolean }) {
  const t = useTranslations("history.panel");
  const words = useTranslations("history");
  const root = useTranslations();
  const format = useFormatter();
  return (
    <li className="space-y-1 text-sm" data-testid="history-entry">
      <p>
        <span className="font-medium">{entry.who?.name ?? t("formerMember")}</span>{" "}
        <span data-testid="history-summary">{summaryText(words, entry.summary, (why) => sayReanchorWhy(root, why))}</span>
        <span className="block text-xs text-slate-500">
          <time dateTime={new Date(entry.at).toISOString()}>{format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "short" })}</time>
          {entry.version !== null && ` · ${t("version", { version: String(entry.version) })}`}
        </span>
      </p>
      {entry.changes.length > 0 && <ChangeTable changes={entry.changes} />}
      {onRevert && (
        <Button size="sm" variant="secondary" disabled={busy} onClick={onRevert}>
          {t("revert")}
        </Button>
      )}
    </li>
  );
}
