"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/** The modal frame every dialog shares: overlay, centred panel, title and description. */
export function DialogPanel({
  title,
  description,
  hideDescription = false,
  width = "32rem",
  children,
}: {
  title: ReactNode;
  /** Inline content (it renders inside a paragraph). */
  description: ReactNode;
  /** Keep the description for screen readers only. */
  hideDescription?: boolean;
  width?: string;
  children: ReactNode;
}) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <Dialog.Content
        className="fixed left-1/2 top-20 z-40 -translate-x-1/2 rounded-lg border border-slate-200 bg-white p-5 shadow-xl"
        style={{ width: `min(${width}, calc(100vw - 2rem))` }}
      >
        <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
        <Dialog.Description className={clsx(hideDescription ? "sr-only" : "mt-1 text-sm text-slate-600")}>{description}</Dialog.Description>
        {children}
      </Dialog.Content>
    </Dialog.Portal>
  );
}

/**
 * A confirmation for something that cannot be undone: `onConfirm` returns an error message to
 * show, or null when done (the dialog then closes).
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  pendingLabel,
  onConfirm,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: () => Promise<string | null>;
}) {
  const t = useTranslations("dialog");
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <DialogPanel title={title} description={description}>
        {error && <Alert className="mt-3">{error}</Alert>}
        <div className="mt-5 flex justify-end gap-2">
          <Dialog.Close asChild>
            <Button variant="ghost">{t("cancel")}</Button>
          </Dialog.Close>
          <Button
            variant="danger"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              setError(null);
              const failure = await onConfirm();
              setPending(false);
              if (failure) setError(failure);
              else setOpen(false);
            }}
          >
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
