"use client";

import { useRouter } from "next/navigation";
import { deleteArticleAction } from "@/lib/actions/articles";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

/** Delete the article after a confirmation that says what goes with it. */
export function DeleteArticleButton({
  workspaceId,
  slug,
  articleId,
  title,
  claims,
}: {
  workspaceId: string;
  slug: string;
  articleId: string;
  title: string;
  claims: number;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          Delete…
        </Button>
      }
      title={`Delete “${title}”?`}
      description={`Its paragraphs and ${claims} claim${claims === 1 ? "" : "s"} are deleted too, and the claims leave any proposition they support or refute. The audit log keeps a record.`}
      confirmLabel="Delete article"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        const res = await deleteArticleAction(workspaceId, articleId);
        if (!res.ok) return res.error.message;
        router.push(`/w/${slug}`);
        router.refresh();
        return null;
      }}
    />
  );
}
