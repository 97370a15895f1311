"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setAssignmentStatusAction } from "@/lib/actions/sessions";
import type { SessionState } from "@/lib/domain/session-plan";
import type { AssignmentStatus } from "@/lib/validation/sessions";
import { StateBadge, StatusChip } from "./badges";
import { Guidelines } from "./guidelines";

export type BarSession = { id: string; name: string; state: SessionState; status: AssignmentStatus; guidelines: string; dueAt: string | null };

const MODE_LINE: Record<SessionState, string> = {
  blind: "Blind: you see only your own claims until the session is revealed",
  revealed: "Revealed: everyone's claims on this article are visible",
  open: "Open: annotators see each other's claims",
  closed: "Closed",
};

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
  const several = sessions.length > 1;
  return (
    <section aria-label="Your annotation sessions" className="mb-4 space-y-2" data-testid="session-bar">
      {requested && !active && (
        <Alert tone="warning">That session is closed or does not assign you this article: claims you make here are not part of it.</Alert>
      )}
      {several && !active && (
        <Alert tone="warning">This article is in {sessions.length} of your sessions: choose the one you are annotating for before you mark claims.</Alert>
      )}
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
        <span className="text-slate-700">{MODE_LINE[s.state]}</span>
        {s.dueAt && <span className="text-slate-600">due {s.dueAt}</span>}
        <button
          type="button"
          className="text-blue-700 underline"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          data-testid="session-guidelines-toggle"
        >
          Guidelines
        </button>
        <span className="ml-auto flex items-center gap-2">
          {offerChoice ? (
            <Link href={`/w/${slug}/articles/${articleId}?session=${s.id}`} className="text-blue-700 underline">
              Annotate for this session
            </Link>
          ) : null}
          <span className="text-slate-600">Your status</span>
          <StatusChip status={s.status} />
          <Button size="sm" variant={next === "DONE" ? "primary" : "secondary"} disabled={pending} onClick={() => void mark()} data-testid="mark-done">
            {pending ? "Saving…" : next === "DONE" ? "Mark done" : "Not done yet"}
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
