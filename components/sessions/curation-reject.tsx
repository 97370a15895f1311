"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogPanel } from "@/components/ui/dialog";

/** Asks before rejecting a unit: none of its claims goes into the reconciled set (Undo takes it back). */
export function RejectDialog({
  open,
  busy,
  number,
  claims,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  busy: boolean;
  number: number;
  /** Whose claims the unit holds, in words. */
  claims: string;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("sessions.curation.reject");
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <DialogPanel title={t("title", { number })} description={t("description", { claims })}>
        {error && <Alert className="mt-3">{error}</Alert>}
        <div className="mt-5 flex justify-end gap-2">
          <Dialog.Close asChild>
            <Button variant="ghost">{t("cancel")}</Button>
          </Dialog.Close>
          <Button
            variant="danger"
            disabled={busy}
            // x then Enter rejects, the way the keys promise.
            autoFocus
            onClick={onConfirm}
            data-testid="confirm-reject"
          >
            {busy ? t("rejecting") : t("confirm")}
          </Button>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
