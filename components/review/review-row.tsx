"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { ReviewItem } from "@/lib/server/review";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { StatusBadge } from "./status-badge";
import { ClaimTypeDot } from "@/components/ui/claim-type-dot";

export type RowActions = {
  canApprove: boolean;
  canReject: boolean;
  /** Why this member cannot approve it (their own claim), shown instead of the button. */
  approveNote: string | null;
};

type Props = {
  item: ReviewItem;
  slug: string;
  type?: { label: string; color: string };
  active: boolean;
  selectable: boolean;
  selected: boolean;
  busy: boolean;
  actions: RowActions;
  rejecting: { reason: string; error: string | null } | null;
  onActivate: () => void;
  onToggle: () => void;
  onApprove: () => void;
  onStartReject: () => void;
  onReason: (reason: string) => void;
  onConfirmReject: () => void;
  onCancelReject: () => void;
};

const CONTEXT = 40;

/** One claim of the review queue: its quote in context, article, annotator, status and the reviewer's buttons. */
export function ReviewRow(p: Props) {
  const { item: a } = p;
  const t = useTranslations("review");
  const tm = useTranslations("reader.modality");
  const reasonId = useId();
  const speakers = a.speakers.map((s) => s.name).join(", ");
  return (
    <tr
      id={`review-row-${a.id}`}
      data-testid="review-row"
      data-status={a.status}
      aria-current={p.active ? "true" : undefined}
      onClick={p.onActivate}
      className={clsx("border-t border-slate-200 align-top", p.active ? "bg-blue-50 outline-2 -outline-offset-2 outline-blue-600" : "bg-white")}
    >
      {p.selectable && (
        <td className="px-2 py-2">
          <input
            type="checkbox"
            checked={p.selected}
            onChange={p.onToggle}
            aria-label={t("selectOne", { quote: a.exact.slice(0, 60) })}
            className="h-4 w-4"
            disabled={a.status !== "SUBMITTED"}
          />
        </td>
      )}
      <td className="px-2 py-2">
        <p className="flex items-center gap-1.5 text-xs font-medium">
          <ClaimTypeDot color={p.type?.color} />
          {p.type?.label ?? t("claim")}
          <span className="font-normal text-slate-500">· {tm(a.modality)}</span>
          {speakers && <span className="truncate font-normal text-slate-500">· {speakers}</span>}
        </p>
        <p className="mt-0.5 text-sm text-slate-700" data-testid="review-quote">
          <span className="text-slate-500">…{a.prefix.slice(-CONTEXT)}</span>
          <mark className="rounded bg-yellow-100 px-0.5 text-slate-900">{a.exact}</mark>
          <span className="text-slate-500">{a.suffix.slice(0, CONTEXT)}…</span>
        </p>
      </td>
      <td className="px-2 py-2 text-sm">
        <Link href={`/w/${p.slug}/articles/${a.article.id}?claim=${a.id}`} className="text-blue-700 underline">
          {a.article.title}
        </Link>
      </td>
      <td className="px-2 py-2 text-sm">{a.author.name}</td>
      <td className="px-2 py-2 text-sm">
        <StatusBadge status={a.status} reason={a.reviewReason} className="text-xs" />
        {a.status === "REJECTED" && a.reviewReason && <p className="mt-1 text-xs text-rose-900">{a.reviewReason}</p>}
      </td>
      <td className="px-2 py-2">
        {p.rejecting ? (
          <form
            aria-label={t("rejectForm")}
            className="flex min-w-56 flex-col gap-1"
            onSubmit={(e) => {
              e.preventDefault();
              p.onConfirmReject();
            }}
          >
            <label htmlFor={reasonId} className="text-xs font-medium text-slate-700">
              {t("reasonLabel")}
            </label>
            <input
              id={reasonId}
              className={inputClass}
              value={p.rejecting.reason}
              // biome-ignore lint/a11y/noAutofocus: r opens the field to be typed in at once
              autoFocus
              maxLength={2000}
              aria-invalid={p.rejecting.error ? true : undefined}
              aria-describedby={p.rejecting.error ? `${reasonId}-error` : undefined}
              onChange={(e) => p.onReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape") p.onCancelReject();
              }}
            />
            {p.rejecting.error && (
              <p id={`${reasonId}-error`} className="text-xs text-red-700">
                {p.rejecting.error}
              </p>
            )}
            <span className="flex gap-1.5">
              <Button size="sm" variant="danger" type="submit" disabled={p.busy}>
                {t("confirmReject")}
              </Button>
              <Button size="sm" variant="ghost" onClick={p.onCancelReject}>
                {t("cancel")}
              </Button>
            </span>
          </form>
        ) : (
          <span className="flex flex-wrap items-center gap-1.5">
            {p.actions.canApprove && (
              <Button size="sm" disabled={p.busy} onClick={p.onApprove}>
                {t.rich("approveKey", { kbd: (chunks) => <kbd className="text-[10px] text-slate-300">{chunks}</kbd> })}
              </Button>
            )}
            {p.actions.canReject && (
              <Button size="sm" variant="secondary" disabled={p.busy} onClick={p.onStartReject}>
                {t.rich("rejectKey", { kbd: (chunks) => <kbd className="text-[10px] text-slate-500">{chunks}</kbd> })}
              </Button>
            )}
            {p.actions.approveNote && <span className="text-xs text-slate-500">{p.actions.approveNote}</span>}
          </span>
        )}
      </td>
    </tr>
  );
}
