import { clsx } from "clsx";
import { useTranslations } from "next-intl";

/** Which claims the verdicts on this view count, as the workspace setting says (Settings → Review). */
export function CountingNote({ approvedOnly, className }: { approvedOnly: boolean; className?: string }) {
  const t = useTranslations("review");
  return (
    <p
      data-testid="counting-note"
      className={clsx("text-xs", approvedOnly ? "font-medium text-emerald-900" : "text-slate-600", className)}
      title={approvedOnly ? t("countingApprovedHint") : t("countingAllHint")}
    >
      {approvedOnly ? t("countingApproved") : t("countingAll")}
    </p>
  );
}
