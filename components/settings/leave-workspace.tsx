"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { leaveWorkspaceAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

/** Leave the workspace; the last owner is told to make someone else owner first (shown in the dialog). */
export function LeaveWorkspace({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const router = useRouter();
  const t = useTranslations("account");
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("leaveButton")}</Button>}
      title={t("leaveTitle", { ws: workspaceName })}
      description={t("leaveText")}
      confirmLabel={t("leave")}
      pendingLabel={t("leaving")}
      onConfirm={async () => {
        const res = await leaveWorkspaceAction(workspaceId);
        if (!res.ok) return res.error.message;
        router.replace("/");
        router.refresh();
        return null;
      }}
    />
  );
}
