"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { reviewClaimAction, submitClaimsAction } from "@/lib/actions/review";
import { reviewRefusal, type ReviewStep } from "@/lib/domain/review";
import type { AnnotationStatus } from "@/lib/domain/vocabulary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useReview } from "./review-context";
import { StatusBadge } from "./status-badge";

export type ReviewedClaim = {
  id: string;
  version: number;
  status: AnnotationStatus;
  author: { id: string; name: string };
  reviewedBy: { id: string; name: string } | null;
  reviewedAt: Date | string | null;
  reviewReason: string | null;
};

/** The claim's review status with what the signed-in member may do about it: submit, approve, reject with a reason. */
export function ClaimReviewPanel({ a }: { a: ReviewedClaim }) {
  const review = useReview();
  const router = useRouter();
  const t = useTranslations("review");
  const format = useFormatter();
  const day = (d: Date | string) => format.dateTime(new Date(d), "short");
  const reasonId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ message: string; reason?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const facts = review && {
    isAuthor: a.author.id === review.userId,
    canWrite: review.canWrite,
    canReview: review.canReview,
    allowSelfApproval: review.allowSelfApproval,
  };
  const may = (step: ReviewStep) => facts !== null && reviewRefusal(step, a.status, facts) === null;
  // A reviewer looking at their own claim is told why there is no Approve button.
  const ownClaim = facts?.canReview && facts.isAuthor && !facts.allowSelfApproval && (a.status === "SUBMITTED" || a.status === "REJECTED");

  async function run(step: ReviewStep) {
    if (!review || busy) return;
    setBusy(true);
    setError(null);
    const res =
      step === "submit"
        ? await submitClaimsAction(review.workspaceId, { ids: [a.id] })
        : await reviewClaimAction(review.workspaceId, { id: a.id, version: a.version, decision: step, reason: step === "reject" ? reason : undefined });
    setBusy(false);
    if (!res.ok) {
      const fields = res.error.details?.fields as Record<string, string> | undefined;
      return setError({ message: res.error.message, reason: fields?.reason });
    }
    setRejecting(false);
    setReason("");
    router.refresh();
  }

  return (
    <div className="space-y-1.5 rounded-md border border-slate-200 p-2 text-sm" data-testid="claim-review">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-slate-500">{t("panelLabel")}</span>
        <StatusBadge status={a.status} className="text-xs" />
        {a.reviewedBy && (a.status === "APPROVED" || a.status === "REJECTED") && (
          <span className="text-xs text-slate-500">
            {t("reviewedBy", { name: a.reviewedBy.name })}
            {a.reviewedAt && <> · {day(a.reviewedAt)}</>}
          </span>
        )}
      </p>
      {a.status === "REJECTED" && a.reviewReason && (
        <p className="text-rose-900" data-testid="rejection-reason">
          {t.rich("reason", { reason: a.reviewReason, q: (chunks) => <q>{chunks}</q> })}
        </p>
      )}
      {ownClaim && <p className="text-xs text-slate-600">{t("ownClaim")}</p>}
      {error && !error.reason && <Alert>{error.message}</Alert>}
      {rejecting ? (
        <form
          aria-label={t("rejectForm")}
          className="space-y-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            void run("reject");
          }}
        >
          <label htmlFor={reasonId} className="block text-xs font-medium text-slate-700">
            {t("reasonLabel")}
          </label>
          <input
            id={reasonId}
            className={inputClass}
            value={reason}
            // biome-ignore lint/a11y/noAutofocus: the field opens on purpose, to be typed in at once
            autoFocus
            maxLength={2000}
            aria-invalid={error?.reason ? true : undefined}
            aria-describedby={error?.reason ? `${reasonId}-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") setRejecting(false);
            }}
          />
          {error?.reason && (
            <p id={`${reasonId}-error`} className="text-sm text-red-700">
              {error.reason}
            </p>
          )}
          <span className="flex gap-2">
            <Button size="sm" variant="danger" type="submit" disabled={busy}>
              {t("confirmReject")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setRejecting(false)}>
              {t("cancel")}
            </Button>
          </span>
        </form>
      ) : (
        (may("submit") || may("approve") || may("reject")) && (
          <span className="flex flex-wrap gap-2">
            {may("submit") && (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run("submit")}>
                {t("submit")}
              </Button>
            )}
            {may("approve") && (
              <Button size="sm" disabled={busy} onClick={() => void run("approve")}>
                {t("approve")}
              </Button>
            )}
            {may("reject") && (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => setRejecting(true)}>
                {t("reject")}
              </Button>
            )}
          </span>
        )
      )}
    </div>
  );
}
