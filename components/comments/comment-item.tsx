"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { deleteCommentAction, updateCommentAction } from "@/lib/actions/comments";
import { Button } from "@/components/ui/button";
import type { CommentView } from "@/lib/server/comments";
import { CommentBody } from "./comment-body";
import { CommentComposer } from "./comment-composer";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/** One comment: who and when, its text, and edit / delete for its author. */
export function CommentItem({ workspaceId, comment, mine, onChanged }: { workspaceId: string; comment: CommentView; mine: boolean; onChanged: () => void }) {
  const t = useTranslations("comments.item");
  const format = useFormatter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (comment.deleted) {
    return (
      <p className="text-sm italic text-slate-500" data-testid="comment">
        {t("deleted")}
      </p>
    );
  }
  return (
    <div className="space-y-1" data-testid="comment">
      <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
        <span className="font-semibold text-slate-800">{comment.author.name}</span>
        <time dateTime={new Date(comment.createdAt).toISOString()}>{format.dateTime(new Date(comment.createdAt), WHEN)}</time>
        {comment.editedAt && <span title={t("editedTitle", { date: format.dateTime(new Date(comment.editedAt), WHEN) })}>{t("edited")}</span>}
      </p>
      {editing ? (
        <CommentComposer
          workspaceId={workspaceId}
          label={t("editLabel")}
          submitLabel={t("save")}
          initial={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            const res = await updateCommentAction(workspaceId, { id: comment.id, body });
            if (!res.ok) return res.error.message;
            setEditing(false);
            onChanged();
            return null;
          }}
        />
      ) : (
        <CommentBody body={comment.body} mentions={comment.mentions} />
      )}
      {mine && !editing && (
        <div className="flex items-center gap-1 text-xs">
          {confirming ? (
            <>
              <span className="text-slate-700">{t("confirmDelete")}</span>
              <Button
                size="sm"
                variant="danger"
                onClick={async () => {
                  const res = await deleteCommentAction(workspaceId, comment.id);
                  setConfirming(false);
                  if (!res.ok) return setError(res.error.message);
                  onChanged();
                }}
              >
                {t("delete")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                {t("keep")}
              </Button>
            </>
          ) : (
            <>
              <Button size="sm" variant="ghost" className="px-1.5 py-0.5 text-xs" onClick={() => setEditing(true)}>
                {t("edit")}
              </Button>
              <Button size="sm" variant="ghost" className="px-1.5 py-0.5 text-xs" onClick={() => setConfirming(true)}>
                {t("delete")}
              </Button>
            </>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
