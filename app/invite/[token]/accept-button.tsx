"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInvitationAction } from "@/lib/actions/members";

/** Accepting is a deliberate click (a link preview or a mail scanner opening the page must not use up the link). */
export function AcceptButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const t = useTranslations("invite");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {error && <Alert>{error}</Alert>}
      <Button
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const res = await acceptInvitationAction(token);
          if (!res.ok) {
            setPending(false);
            setError(res.error.message);
            return;
          }
          router.replace(`/w/${res.data.slug}`);
        }}
      >
        {pending ? t("joining") : label}
      </Button>
    </div>
  );
}
