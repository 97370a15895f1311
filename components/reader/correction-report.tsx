"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { confirmAnchorAction } from "@/lib/actions/annotations";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sayReanchorWhy } from "@/lib/i18n/translate";
import type { ReanchorChange } from "@/lib/server/passages";

const OUTCOME_CLASS: Record<ReanchorChange["outcome"], string> = {
  moved: "bg-slate-100 text-slate-800",
  fuzzy: "bg-sky-100 text-sky-900",
  needs_review: "bg-amber-100 text-amber-900",
  orphaned: "bg-rose-100 text-rose-900",
};

/**
 * After a correction: every claim it touched, with its quote before and after and why, so the
 * desk checks the approximate ones and confirms (or re-marks) those waiting for review.
 */
export function CorrectionReport({
  workspaceId,
  message,
  changes,
  onConfirmed,
  onRemark,
  onDismiss,
}: {
  workspaceId: string;
  message: string;
  changes: ReanchorChange[];
  onConfirmed: () => void;
  onRemark: (change: ReanchorChange) => void;
  onDismiss: () => void;
}) {
  const t = useTranslations("reader.correction");
  const root = useTranslations();
  const [done, setDone] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const waiting = changes.filter((c) => c.outcome === "needs_review" && !done.has(c.id));

  async function confirm(c: ReanchorChange) {
    setError(null);
    const r = await confirmAnchorAction(workspaceId, { id: c.id, version: c.version });
    if (!r.ok) return setError(r.error.message);
    setDone((d) => new Set(d).add(c.id));
    onConfirmed();
  }

  return (
    <Alert tone={waiting.length || changes.some((c) => c.outcome === "orphaned") ? "warning" : "success"} className="mb-3">
      <div className="flex items-start gap-2">
        <span data-testid="correction-summary" className="flex-1">
          {message}
        </span>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      </div>
      {changes.length > 0 && (
        <ol className="mt-2 space-y-2" aria-label={t("changesLabel")} data-testid="correction-changes">
          {changes.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 bg-white p-2 text-sm text-slate-800" data-outcome={c.outcome}>
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${OUTCOME_CLASS[c.outcome]}`}>
                {done.has(c.id) ? t("confirmed") : t(`outcome.${c.outcome}`)}
              </span>
              <p className="mt-1">
                <span className="text-slate-500">{t("before")}</span> <q>{c.before}</q>
              </p>
              {c.outcome !== "orphaned" && c.after !== c.before && (
                <p>
                  <span className="text-slate-500">{t("now")}</span> <q data-testid="correction-after">{c.after}</q>
                </p>
              )}
              <p className="text-xs text-slate-600">{sayReanchorWhy(root, c.why)}</p>
              {!done.has(c.id) && (
                <div className="mt-1 flex gap-2">
                  {c.outcome === "needs_review" && (
                    <Button size="sm" onClick={() => void confirm(c)}>
                      {t("confirm", { quote: shorten(c.after) })}
                    </Button>
                  )}
                  {c.outcome !== "moved" && (
                    <Button size="sm" variant="secondary" onClick={() => onRemark(c)}>
                      {t("remark")}
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      )}
    </Alert>
  );
}

const shorten = (s: string) => (Array.from(s).length > 40 ? `${Array.from(s).slice(0, 39).join("")}…` : s);
