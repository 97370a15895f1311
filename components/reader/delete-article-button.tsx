"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("reader.header");
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          {t("delete")}
        </Button>
      }
      title={t("deleteTitle", { title })}
      description={t("deleteText", { claims })}
      confirmLabel={t("deleteConfirm")}
      pendingLabel={t("deleting")}
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
