"use client";

import { useRouter } from "next/navigation";
import { leaveWorkspaceAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

/** Leave the workspace; the last owner is told to make someone else owner first (shown in the dialog). */
export function LeaveWorkspace({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Leave workspace…</Button>}
      title={`Leave ${workspaceName}?`}
      description="You lose access at once and your API tokens for this workspace are revoked. Your claims stay, credited to you. To come back you need a new invitation."
      confirmLabel="Leave workspace"
      pendingLabel="Leaving…"
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
