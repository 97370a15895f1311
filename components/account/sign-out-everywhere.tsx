"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { signOutEverywhereAction } from "@/lib/actions/auth";

/** End every session of this account, on every device, this one included. */
export function SignOutEverywhere() {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Sign out everywhere…</Button>}
      title="Sign out everywhere?"
      description="Every browser signed in to your account, this one included, is signed out at once. API tokens keep working; revoke them under API tokens."
      confirmLabel="Sign out everywhere"
      pendingLabel="Signing out…"
      onConfirm={async () => {
        const res = await signOutEverywhereAction();
        if (!res.ok) return res.error.message;
        router.replace("/login");
        router.refresh();
        return null;
      }}
    />
  );
}
