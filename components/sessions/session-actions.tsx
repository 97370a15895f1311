"use client";

import * as Dialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, DialogPanel } from "@/components/ui/dialog";
import { assignSessionAction, closeSessionAction, deleteSessionAction, reopenSessionAction, revealSessionAction } from "@/lib/actions/sessions";
import type { SessionState } from "@/lib/domain/session-plan";

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
  const t = useTranslations("sessions.actions");
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
          {t("edit")}
        </Link>
      )}
      {!closed && <AssignDialog workspaceId={workspaceId} session={ref} articles={articles} annotators={annotators} />}
      {session.state === "blind" && (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" data-testid="reveal-button">
              {t("reveal")}
            </Button>
          }
          title={t("revealTitle", { name: session.name })}
          description={t("revealText")}
          confirmLabel={t("reveal")}
          pendingLabel={t("revealing")}
          onConfirm={async () => done(await revealSessionAction(workspaceId, ref))}
        />
      )}
      {!closed ? (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" data-testid="close-button">
              {t("close")}
            </Button>
          }
          title={t("closeTitle", { name: session.name })}
          description={session.state === "blind" ? t("closeAlsoReveals") : t("closeText")}
          confirmLabel={t("closeConfirm")}
          pendingLabel={t("closing")}
          onConfirm={async () => done(await closeSessionAction(workspaceId, ref))}
        />
      ) : (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" data-testid="reopen-button">
              {t("reopen")}
            </Button>
          }
          title={t("reopenTitle", { name: session.name })}
          description={t("reopenText")}
          confirmLabel={t("reopen")}
          pendingLabel={t("reopening")}
          onConfirm={async () => done(await reopenSessionAction(workspaceId, ref))}
        />
      )}
      {claims > 0 ? (
        <>
          <Button size="sm" variant="ghost" disabled aria-describedby={deleteReason} data-testid="delete-session">
            {t("delete")}
          </Button>
          <span id={deleteReason} className="text-xs text-slate-500">
            {t("deleteOnlyEmpty")}
          </span>
        </>
      ) : (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="ghost" className="text-red-700" data-testid="delete-session">
              {t("delete")}
            </Button>
          }
          title={t("deleteTitle", { name: session.name })}
          description={t("deleteText")}
          confirmLabel={t("deleteConfirm")}
          pendingLabel={t("deleting")}
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
  const t = useTranslations("sessions.actions");
  const plans = useTranslations("sessions.plan");
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
          {t("assignOpen")}
        </Button>
      </Dialog.Trigger>
      <DialogPanel title={t("assignTitle")} description={t("assignText", { articles, annotators })}>
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
            <legend className="text-sm font-medium text-slate-700">{t("plan")}</legend>
            {(["all", "split"] as const).map((p) => (
              <label key={p} className="flex items-start gap-2 text-sm">
                <input type="radio" name="assign-mode" value={p} className="mt-1" checked={mode === p} onChange={() => setMode(p)} />
                <span>
                  <span className="font-medium">{plans(`${p}.label`)}</span>
                  <span className="block text-slate-600">{plans(`${p}.hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {empty && <Alert tone="warning">{t("nothingToAssign")}</Alert>}
          {error && <Alert>{error}</Alert>}
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="ghost">{t("cancel")}</Button>
            </Dialog.Close>
            <Button type="submit" disabled={pending || empty}>
              {pending ? t("assigning") : t("assign")}
            </Button>
          </div>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
