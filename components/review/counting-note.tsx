import { clsx } from "clsx";
import { countingLabel } from "@/lib/domain/review";

/** Which claims the verdicts on this view count, as the workspace setting says (Settings → Review). */
export function CountingNote({ approvedOnly, className }: { approvedOnly: boolean; className?: string }) {
  return (
    <p
      data-testid="counting-note"
      className={clsx("text-xs", approvedOnly ? "font-medium text-emerald-900" : "text-slate-600", className)}
      title={
        approvedOnly
          ? "Drafts, submitted and rejected claims are listed but not counted in verdicts (a workspace setting)"
          : "Every claim counts, reviewed or not, except orphaned ones and those waiting for review after a text correction (a workspace setting)"
      }
    >
      {countingLabel(approvedOnly)}
    </p>
  );
}
