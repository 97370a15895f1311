"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setAssignmentStatusAction } from "@/lib/actions/sessions";
import type { SessionState } from "@/lib/domain/session-plan";
import type { AssignmentStatus } from "@/lib/validation/sessions";
import { StateBadge, StatusChip } from "./badges";
import { Guidelines } from "./guidelines";

export type BarSession = { id: string; name: string; state: SessionState; status: AssignmentStatus; guidelines: string; dueAt: string | null };

/**
 * The reader's slim bar for the running sessions that assign this article to you: where your
 * claims go, the guidelines, and your progress. `active` is the session named in the link.
 */
export function SessionBar({
  workspaceId,
  slug,
  articleId,
  sessions,
  active,
  requested,
}: {
  workspaceId: string;
  slug: string;
  articleId: string;
  sessions: BarSession[];
  /** The session new claims are sent to (from `?session=`), when it is one of `sessions`. */
  active: string | null;
  /** `?session=` as given, to explain a link to a session that does not take your claims here. */
  requested: string | null;
}) {
  const t = useTranslations("sessions.bar");
  const several = sessions.length > 1;
  return (
    <section aria-label={t("label")} className="mb-4 space-y-2" data-testid="session-bar">
      {requested && !active && <Alert tone="warning">{t("notThisSession")}</Alert>}
      {several && !active && <Alert tone="warning">{t("chooseOne", { count: sessions.length })}</Alert>}
      {sessions.map((s) => (
        <SessionLine
          key={s.id}
          workspaceId={workspaceId}
          slug={slug}
          articleId={articleId}
          s={s}
          chosen={active === s.id}
          offerChoice={several && active !== s.id}
        />
      ))}
    </section>
  );
}

function SessionLine({
  workspaceId,
  slug,
  articleId,
  s,
  chosen,
  offerChoice,
}: {
  workspaceId: string;
  slug: string;
  articleId: string;
  s: BarSession;
  chosen: boolean;
  offerChoice: boolean;
}) {
  const t = useTranslations("sessions.bar");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const next: AssignmentStatus = s.status === "DONE" ? "IN_PROGRESS" : "DONE";
  const mark = async () => {
    setPending(true);
    setError(null);
    const res = await setAssignmentStatusAction(workspaceId, s.id, { articleId, status: next });
    setPending(false);
    if (!res.ok) return setError(res.error.message);
    router.refresh();
  };
  return (
    <div
      className={`rounded-lg border px-4 py-2 text-sm ${chosen ? "border-violet-300 bg-violet-50" : "border-slate-200 bg-white"}`}
      data-testid="session-bar-item"
      data-session-id={s.id}
      data-active={chosen || undefined}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link href={`/w/${slug}/sessions/${s.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
          {s.name}
        </Link>
        <StateBadge state={s.state} />
        <span className="text-slate-700">{t(`modeLine.${s.state}`)}</span>
        {s.dueAt && <span className="text-slate-600">{t("due", { date: s.dueAt })}</span>}
        <button
          type="button"
          className="text-blue-700 underline"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          data-testid="session-guidelines-toggle"
        >
          {t("guidelines")}
        </button>
        <span className="ml-auto flex items-center gap-2">
          {offerChoice ? (
            <Link href={`/w/${slug}/articles/${articleId}?session=${s.id}`} className="text-blue-700 underline">
              {t("annotateFor")}
            </Link>
          ) : null}
          <span className="text-slate-600">{t("yourStatus")}</span>
          <StatusChip status={s.status} />
          <Button size="sm" variant={next === "DONE" ? "primary" : "secondary"} disabled={pending} onClick={() => void mark()} data-testid="mark-done">
            {pending ? t("saving") : next === "DONE" ? t("markDone") : t("notDone")}
          </Button>
        </span>
      </div>
      {error && <Alert className="mt-2">{error}</Alert>}
      <div id={panelId} hidden={!open} className="mt-2 max-h-64 overflow-y-auto border-t border-slate-200 pt-2">
        <Guidelines source={s.guidelines} />
      </div>
    </div>
  );
}
