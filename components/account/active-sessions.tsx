"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogPanel } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { endOtherSessionAction } from "@/lib/actions/auth";
import { deviceName } from "@/lib/domain/user-agent";
import { endOtherSessionSchema, type EndOtherSessionInput } from "@/lib/validation/schemas";

export type SessionRow = { id: string; userAgent: string; client: string; createdAt: Date; lastSeenAt: Date; current: boolean };

/**
 * Where this account is signed in (ASVS 4.0.3 V3.3.4): each device, when it signed in and was last
 * active; others can be signed out. `now` is the server's render time, so "5 minutes ago" reads the
 * same on the server and after hydration.
 */
export function ActiveSessions({ sessions, now }: { sessions: SessionRow[]; now: Date }) {
  const t = useTranslations("account");
  const format = useFormatter();
  return (
    <section aria-labelledby="sessions-h" className="w-full">
      <h3 id="sessions-h" className="text-sm font-semibold">
        {t("sessionsTitle")}
      </h3>
      <p className="mb-2 text-xs text-slate-600">{t("sessionsHint")}</p>
      <ul className="divide-y divide-slate-200 rounded border border-slate-200" data-testid="active-sessions">
        {sessions.map((s) => {
          const { browser, os } = deviceName(s.userAgent);
          const device = browser && os ? t("deviceOn", { browser, os }) : (browser ?? os ?? t("deviceUnknown"));
          return (
            <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm" data-testid="active-session">
              <span className="min-w-40 font-medium">{device}</span>
              {s.current && <span className="rounded bg-emerald-100 px-1.5 text-xs font-medium text-emerald-900">{t("thisDevice")}</span>}
              <span className="text-xs text-slate-600">
                {t("sessionTimes", {
                  signedIn: format.dateTime(s.createdAt, "shortTime"),
                  seen: format.relativeTime(s.lastSeenAt, now),
                })}
                {s.client && s.client !== "unknown" ? ` · ${s.client}` : ""}
              </span>
              {!s.current && <EndSessionButton sessionId={s.id} device={device} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function EndSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<EndOtherSessionInput>({
    resolver: useLocalResolver(zodResolver(endOtherSessionSchema)),
    defaultValues: { sessionId, currentPassword: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res = await endOtherSessionAction(values);
    if (!res.ok) {
      const fields = (res.error.details?.fields ?? {}) as Partial<Record<keyof EndOtherSessionInput, string>>;
      if (fields.currentPassword) setError("currentPassword", { message: fields.currentPassword });
      else setFormError(res.error.message);
      return;
    }
    setOpen(false);
    router.refresh();
  });
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          reset();
          setFormError(null);
        }
      }}
    >
      <Dialog.Trigger asChild>
        <Button size="sm" variant="ghost" className="ml-auto" aria-label={t("endSessionLabel", { device })}>
          {t("endSession")}
        </Button>
      </Dialog.Trigger>
      <DialogPanel title={t("endSessionTitle", { device })} description={t("endSessionText")}>
        <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-3">
          {formError && <Alert>{formError}</Alert>}
          <Field label={t("yourPassword")} error={formState.errors.currentPassword?.message}>
            <input className={inputClass} type="password" autoComplete="current-password" {...register("currentPassword")} />
          </Field>
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="ghost">{t("cancel")}</Button>
            </Dialog.Close>
            <Button type="submit" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t("signingOut") : t("endSession")}
            </Button>
          </div>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
