"use client";

import * as Dialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, DialogPanel } from "@/components/ui/dialog";
import { assignSessionAction, closeSessionAction, deleteSessionAction, reopenSessionAction, revealSessionAction } from "@/lib/actions/sessions";
import type { SessionState } from "@/lib/domain/session-plan";
import { ASSIGN_PLANS } from "./badges";

type Props = {
  workspaceId: string;
  slug: string;
  session: { id: string; version: number; name: string; state: SessionState };
  /** Live claims made in the session (annotators' and reconciled): a session with any is closed, not deleted. */
  claims: number;
  articles: number;
  annotators: number;
};

const secondary = "inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100";

/** What a session's manager can do with it, each step confirmed where it changes what others see or count. */
export function SessionActions({ workspaceId, slug, session, claims, articles, annotators }: Props) {
  const router = useRouter();
  const ref = { id: session.id, version: session.version };
  const closed = session.state === "closed";
  const done = (res: { ok: true } | { ok: false; error: { message: string } }) => {
    if (!res.ok) return res.error.message;
    router.refresh();
    return null;
  };
  const deleteReason = useId();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="session-actions">
      {!closed && (
        <Link href={`/w/${slug}/sessions/${session.id}/edit`} className={secondary} data-testid="edit-session">
          Edit
        </Link>
      )}
      {!closed && <AssignDialog workspaceId={workspaceId} session={ref} articles={articles} annotators={annotators} />}
      {session.state === "blind" && (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" data-testid="reveal-button">
              Reveal
            </Button>
          }
          title={`Reveal “${session.name}”?`}
          description="Every annotator will see everyone's claims on this session's articles, and the agreement figures open to them. This cannot be undone; the session stays open for work."
          confirmLabel="Reveal"
          pendingLabel="Revealing…"
          onConfirm={async () => done(await revealSessionAction(workspaceId, ref))}
        />
      )}
      {!closed ? (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" data-testid="close-button">
              Close
            </Button>
          }
          title={`Close “${session.name}”?`}
          description={`Reconciled claims will count in the comparison; annotators' own claims never do. Nothing in the session can change until it is reopened.${session.state === "blind" ? " Closing also reveals it." : ""}`}
          confirmLabel="Close session"
          pendingLabel="Closing…"
          onConfirm={async () => done(await closeSessionAction(workspaceId, ref))}
        />
      ) : (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" data-testid="reopen-button">
              Reopen
            </Button>
          }
          title={`Reopen “${session.name}”?`}
          description="Its reconciled claims stop counting in the comparison until the session is closed again, and its work can change."
          confirmLabel="Reopen"
          pendingLabel="Reopening…"
          onConfirm={async () => done(await reopenSessionAction(workspaceId, ref))}
        />
      )}
      {claims > 0 ? (
        <>
          <Button size="sm" variant="ghost" disabled aria-describedby={deleteReason} data-testid="delete-session">
            Delete
          </Button>
          <span id={deleteReason} className="text-xs text-slate-500">
            Delete is only for sessions without claims; close this one instead.
          </span>
        </>
      ) : (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="ghost" className="text-red-700" data-testid="delete-session">
              Delete
            </Button>
          }
          title={`Delete “${session.name}”?`}
          description="The session, its assignments and its progress are removed. Its articles stay."
          confirmLabel="Delete session"
          pendingLabel="Deleting…"
          onConfirm={async () => {
            const res = await deleteSessionAction(workspaceId, ref);
            if (!res.ok) return res.error.message;
            router.push(`/w/${slug}/sessions`);
            return null;
          }}
        />
      )}
    </div>
  );
}

function AssignDialog({
  workspaceId,
  session,
  articles,
  annotators,
}: {
  workspaceId: string;
  session: { id: string; version: number };
  articles: number;
  annotators: number;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"all" | "split">("all");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const empty = articles === 0 || annotators === 0;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <Dialog.Trigger asChild>
        <Button size="sm" variant="secondary" data-testid="assign-button">
          Assign…
        </Button>
      </Dialog.Trigger>
      <DialogPanel
        title="Assign articles"
        description={`${articles} article${articles === 1 ? "" : "s"} × ${annotators} annotator${annotators === 1 ? "" : "s"}. Pairs that stay keep their progress; pairs the plan leaves out are removed.`}
      >
        <form
          className="mt-4 space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            setPending(true);
            setError(null);
            const res = await assignSessionAction(workspaceId, { ...session, mode });
            setPending(false);
            if (!res.ok) return setError(res.error.message);
            setOpen(false);
            router.refresh();
          }}
        >
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Plan</legend>
            {ASSIGN_PLANS.filter((p) => p.value !== "none").map((p) => (
              <label key={p.value} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="assign-mode"
                  value={p.value}
                  className="mt-1"
                  checked={mode === p.value}
                  onChange={() => setMode(p.value as "all" | "split")}
                />
                <span>
                  <span className="font-medium">{p.label}</span>
                  <span className="block text-slate-600">{p.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {empty && <Alert tone="warning">Add articles and annotators first (Edit); until then there is nothing to assign.</Alert>}
          {error && <Alert>{error}</Alert>}
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="ghost">Cancel</Button>
            </Dialog.Close>
            <Button type="submit" disabled={pending || empty}>
              {pending ? "Assigning…" : "Assign"}
            </Button>
          </div>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
