"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { commentPanelAction, createCommentAction, replyCommentAction, resolveThreadAction } from "@/lib/actions/comments";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CommentPanelData, ThreadView } from "@/lib/server/comments";
import type { CommentTarget } from "@/lib/validation/comments";
import { CommentComposer } from "./comment-composer";
import { CommentItem } from "./comment-item";

type You = CommentPanelData["you"];

/**
 * The comment threads on a claim or a proposition: read by every member, written by reviewers and
 * above. Reloads when `refreshKey` changes (the page's live cursor, so other members' comments
 * appear as they are made) and after each of the caller's own changes.
 */
export function CommentThreads({
  workspaceId,
  targetType,
  targetId,
  refreshKey,
}: {
  workspaceId: string;
  targetType: CommentTarget;
  targetId: string;
  refreshKey?: string | number;
}) {
  const t = useTranslations("comments.threads");
  const [data, setData] = useState<{ threads: ThreadView[]; nextCursor: string | null; you: You } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const load = useCallback(async () => {
    const mine = ++request.current;
    const res = await commentPanelAction(workspaceId, { targetType, targetId, limit: 100 });
    // A newer request (another claim selected, a later refresh) wins.
    if (mine !== request.current) return;
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setData({ threads: res.data.items, nextCursor: res.data.nextCursor, you: res.data.you });
  }, [workspaceId, targetType, targetId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the signal to load again
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  async function more() {
    if (!data?.nextCursor) return;
    const res = await commentPanelAction(workspaceId, { targetType, targetId, limit: 100, cursor: data.nextCursor });
    if (res.ok) setData({ ...data, threads: [...data.threads, ...res.data.items], nextCursor: res.data.nextCursor });
  }

  const open = data?.threads.filter((th) => !th.resolvedAt).length ?? 0;
  const resolvedCount = (data?.threads.length ?? 0) - open;
  return (
    <section aria-label={t("landmark")} className="space-y-3" data-testid="comment-threads">
      <h3 className="text-sm font-semibold text-slate-700">
        {data && data.threads.length > 0
          ? resolvedCount > 0
            ? t("headingOpenResolved", { open, resolved: resolvedCount })
            : t("headingOpen", { open })
          : t("heading")}
      </h3>
      {error && <Alert>{error}</Alert>}
      {data === null && !error && <p className="text-sm text-slate-500">{t("loading")}</p>}
      {data?.threads.map((th) => (
        <Thread key={th.id} workspaceId={workspaceId} thread={th} you={data.you} onChanged={load} />
      ))}
      {data?.nextCursor && (
        <Button size="sm" variant="ghost" onClick={() => void more()}>
          {t("more")}
        </Button>
      )}
      {data && data.threads.length === 0 && <p className="text-sm text-slate-500">{t("empty")}</p>}
      {data?.you.canComment ? (
        <CommentComposer
          workspaceId={workspaceId}
          label={t("newLabel")}
          submitLabel={t("newSubmit")}
          onSubmit={async (body) => {
            const res = await createCommentAction(workspaceId, { targetType, targetId, body });
            if (!res.ok) return (res.error.details?.fields as Record<string, string> | undefined)?.body ?? res.error.message;
            await load();
            return null;
          }}
        />
      ) : (
        data && <p className="text-xs text-slate-500">{t("whoCan")}</p>
      )}
    </section>
  );
}

function Thread({ workspaceId, thread, you, onChanged }: { workspaceId: string; thread: ThreadView; you: You; onChanged: () => Promise<void> }) {
  const t = useTranslations("comments.threads");
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolved = thread.resolvedAt !== null;
  const mayResolve = you.canComment && (you.canModerate || thread.author.id === you.userId);

  async function setResolved(value: boolean) {
    const res = await resolveThreadAction(workspaceId, { id: thread.id, resolved: value });
    if (!res.ok) return setError(res.error.message);
    setError(null);
    await onChanged();
  }

  return (
    <article
      aria-label={t("thread", { name: thread.author.name })}
      className={clsx("space-y-2 rounded-md border p-2.5", resolved ? "border-slate-200 bg-slate-50" : "border-slate-300 bg-white")}
      data-testid="comment-thread"
      data-resolved={resolved}
    >
      <CommentItem workspaceId={workspaceId} comment={thread} mine={thread.author.id === you.userId} onChanged={() => void onChanged()} />
      {thread.replies.length > 0 && (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-3" aria-label={t("replies")}>
          {thread.replies.map((r) => (
            <li key={r.id}>
              <CommentItem workspaceId={workspaceId} comment={r} mine={r.author.id === you.userId} onChanged={() => void onChanged()} />
            </li>
          ))}
        </ol>
      )}
      {resolved && (
        <p className="text-xs font-medium text-emerald-800" data-testid="thread-resolved">
          {thread.resolvedBy ? t("resolvedBy", { name: thread.resolvedBy.name }) : t("resolved")}
        </p>
      )}
      {error && <Alert>{error}</Alert>}
      {replying && !resolved ? (
        <CommentComposer
          workspaceId={workspaceId}
          label={t("replyLabel")}
          submitLabel={t("replySubmit")}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            const res = await replyCommentAction(workspaceId, { threadId: thread.id, body });
            if (!res.ok) return (res.error.details?.fields as Record<string, string> | undefined)?.body ?? res.error.message;
            setReplying(false);
            await onChanged();
            return null;
          }}
        />
      ) : (
        <div className="flex gap-1">
          {you.canComment && !resolved && (
            <Button size="sm" variant="ghost" className="px-1.5 py-0.5 text-xs" onClick={() => setReplying(true)}>
              {t("reply")}
            </Button>
          )}
          {mayResolve && (
            <Button size="sm" variant="secondary" className="px-1.5 py-0.5 text-xs" onClick={() => void setResolved(!resolved)}>
              {resolved ? t("reopen") : t("resolve")}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
