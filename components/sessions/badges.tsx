import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { SessionState } from "@/lib/domain/session-plan";
import { percentDone } from "@/lib/domain/session-view";
import type { AssignmentStatus } from "@/lib/validation/sessions";

const STATE_STYLES: Record<SessionState, string> = {
  open: "bg-emerald-100 text-emerald-900",
  blind: "bg-violet-100 text-violet-900",
  revealed: "bg-blue-100 text-blue-900",
  closed: "bg-slate-200 text-slate-800",
};

/** The ways to hand a session's articles to its annotators ("none" only when creating); their words are in sessions.plan. */
export const ASSIGN_PLANS = ["all", "split", "none"] as const;

const STATUS_STYLES: Record<AssignmentStatus, string> = {
  TODO: "bg-slate-100 text-slate-700",
  IN_PROGRESS: "bg-amber-100 text-amber-900",
  DONE: "bg-emerald-100 text-emerald-900",
};

const chip = "inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-xs font-medium";

/** Where a session stands, in words (colour only repeats it). */
export function StateBadge({ state }: { state: SessionState }) {
  const t = useTranslations("sessions.state");
  return (
    <span data-testid="session-state" data-state={state} className={clsx(chip, STATE_STYLES[state])}>
      {t(state)}
    </span>
  );
}

export function ModeBadge({ mode }: { mode: "OPEN" | "BLIND" }) {
  const t = useTranslations("sessions.mode");
  return (
    <span data-testid="session-mode" data-mode={mode} title={t(`hint.${mode}`)} className={clsx(chip, "border border-slate-300 bg-white text-slate-700")}>
      {t(`badge.${mode}`)}
    </span>
  );
}

export function StatusChip({ status }: { status: AssignmentStatus }) {
  const t = useTranslations("sessions.status");
  return (
    <span data-testid="assignment-status" data-status={status} className={clsx(chip, STATUS_STYLES[status])}>
      {t(status)}
    </span>
  );
}

/** Done out of assigned, as a bar with its figures in words for screen readers. */
export function ProgressBar({ done, total, label, className }: { done: number; total: number; label: string; className?: string }) {
  const t = useTranslations("sessions.progress");
  const pct = percentDone(done, total);
  return (
    <div className={clsx("flex items-center gap-2", className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={Math.max(total, 1)}
        aria-valuenow={done}
        aria-valuetext={t("valueText", { done, total })}
        className="h-2 w-full min-w-16 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-emerald-600" style={{ width: `${pct}%` }} />
      </div>
      <span className="shrink-0 whitespace-nowrap text-xs tabular-nums text-slate-600">
        {done}/{total}
      </span>
    </div>
  );
}
