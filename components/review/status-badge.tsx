import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { AnnotationStatus } from "@/lib/domain/vocabulary";

const STYLES: Record<AnnotationStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-blue-100 text-blue-900",
  APPROVED: "bg-emerald-100 text-emerald-900",
  REJECTED: "bg-rose-100 text-rose-900",
};

/** A claim's review status in words (colour only repeats it); a rejection's reason is its tooltip. */
export function StatusBadge({ status, reason, className }: { status: AnnotationStatus; reason?: string | null; className?: string }) {
  const t = useTranslations("review");
  return (
    <span
      data-testid="claim-status"
      data-status={status}
      title={status === "REJECTED" && reason ? t("rejectedBecause", { reason }) : undefined}
      className={clsx("shrink-0 rounded px-1.5 text-[11px] font-medium", STYLES[status], className)}
    >
      {t(`status.${status}`)}
    </span>
  );
}
