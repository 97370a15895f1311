"use client";

import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setAssignmentStatusAction } from "@/lib/actions/sessions";
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from "@/lib/validation/sessions";

/** Sets one assignment's status (your own, or anyone's for a manager); the page refreshes after. */
export function StatusControl({
  workspaceId,
  sessionId,
  articleId,
  userId,
  status,
  label,
  disabled,
  className,
}: {
  workspaceId: string;
  sessionId: string;
  articleId: string;
  /** Omitted: the signed-in user's own assignment. */
  userId?: string;
  status: AssignmentStatus;
  /** The control's accessible name, e.g. "Your status on <article>". */
  label: string;
  disabled?: boolean;
  className?: string;
}) {
  const t = useTranslations("sessions.status");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className={clsx("inline-flex flex-col", className)}>
      <select
        aria-label={label}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-blue-600"
        value={status}
        disabled={disabled || pending}
        data-testid="status-select"
        onChange={async (e) => {
          setPending(true);
          setError(null);
          const res = await setAssignmentStatusAction(workspaceId, sessionId, { articleId, userId, status: e.target.value as AssignmentStatus });
          setPending(false);
          if (!res.ok) return setError(res.error.message);
          router.refresh();
        }}
      >
        {ASSIGNMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(s)}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="mt-0.5 max-w-40 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
