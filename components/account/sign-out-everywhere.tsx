"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { signOutEverywhereAction } from "@/lib/actions/auth";

/** End every session of this account, on every device, this one included. */
export function SignOutEverywhere() {
  const router = useRouter();
  const t = useTranslations("account");
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("signOutEverywhereButton")}</Button>}
      title={t("signOutEverywhereTitle")}
      description={t("signOutEverywhereText")}
      confirmLabel={t("signOutEverywhere")}
      pendingLabel={t("signingOut")}
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
