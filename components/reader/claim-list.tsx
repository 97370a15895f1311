"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { StatusBadge } from "@/components/review/status-badge";
import { joinNames, quantitiesText } from "./claim-readings";
import { useUiLocale } from "@/components/i18n/use-ui-locale";
import type { ClaimTypeView, ReaderAnnotation } from "./types";

/** Claims in reading order; selecting one scrolls the text to it. Memoised: a new text selection must not re-render every item. */
export const ClaimList = memo(function ClaimList({
  items,
  typeById,
  activeId,
  onSelect,
}: {
  items: ReaderAnnotation[];
  typeById: Map<string, ClaimTypeView>;
  activeId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("reader.list");
  const tm = useTranslations("reader.modality");
  const locale = useUiLocale();
  if (items.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">{t("empty")}</p>;
  }
  return (
    <ol className="space-y-1.5" aria-label={t("label")} data-testid="claim-list">
      {items.map((a) => {
        const type = typeById.get(a.claimTypeId);
        const speakers = a.speakers.length
          ? joinNames(
              a.speakers.map((s) => s.name),
              locale,
            )
          : null;
        const facts = [quantitiesText(a.fields), (a.fields as { date?: string } | null)?.date].filter(Boolean).join(" · ");
        return (
          // Off-screen items skip layout and paint (content-visibility), so a long list costs little when the panel above it changes.
          <li
            key={a.id}
            id={`claim-item-${a.id}`}
            className="[contain-intrinsic-size:auto_3.5rem] [content-visibility:auto]"
            data-orphaned={a.orphaned || undefined}
            data-needs-review={a.needsReview || undefined}
          >
            <button
              type="button"
              onClick={() => onSelect(a.id)}
              aria-current={activeId === a.id ? "true" : undefined}
              className={clsx(
                "w-full rounded-md border px-2.5 py-1.5 text-left text-sm",
                activeId === a.id ? "border-slate-900 bg-slate-50" : "border-slate-200 bg-white hover:bg-slate-50",
              )}
            >
              <span className="flex items-center gap-1.5 text-xs font-medium">
                <span
                  className="claim-ink h-2.5 w-2.5 shrink-0 rounded-full bg-(--claim-ink)"
                  style={{ "--claim-color": type?.color ?? "#888" } as React.CSSProperties}
                  aria-hidden
                />
                {type?.label ?? t("claim")}
                <span className="font-normal text-slate-500">· {tm(a.modality)}</span>
                {speakers && (
                  <span className="truncate font-normal text-slate-500" title={speakers}>
                    · {speakers}
                  </span>
                )}
                {a.orphaned ? (
                  <span className="ml-auto shrink-0 rounded bg-amber-100 px-1.5 text-[11px] font-medium text-amber-900" title={t("orphanedTitle")}>
                    {t("orphaned")}
                  </span>
                ) : (
                  a.needsReview && (
                    <span className="ml-auto shrink-0 rounded bg-orange-100 px-1.5 text-[11px] font-medium text-orange-900" title={t("needsReviewTitle")}>
                      {t("needsReview")}
                    </span>
                  )
                )}
                <StatusBadge status={a.status} reason={a.reviewReason} className={a.orphaned || a.needsReview ? undefined : "ml-auto"} />
              </span>
              <span className="mt-0.5 line-clamp-2 text-slate-700">“{a.exact}”</span>
              {a.status === "REJECTED" && a.reviewReason && (
                <span className="mt-0.5 block truncate text-xs text-rose-800">{t("rejected", { reason: a.reviewReason })}</span>
              )}
              {facts && <span className="mt-0.5 block truncate text-xs text-slate-500">{facts}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
});
