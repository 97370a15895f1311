"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { createInvitationAction, revokeInvitationAction } from "@/lib/actions/members";
import { ROLES } from "@/lib/domain/roles";
import type { InvitationView } from "@/lib/server/invitations";
import { createInvitationSchema, INVITATION_DAYS, type CreateInvitationInput } from "@/lib/validation/members";
import type { Role } from "@/lib/domain/vocabulary";

/** Owners: create a single-use invitation link (role, days valid), see each link's fate, revoke unused ones. */
export function InvitationsPanel({ workspaceId, invitations }: { workspaceId: string; invitations: InvitationView[] }) {
  const router = useRouter();
  const t = useTranslations("invitations");
  const tr = useTranslations("roles");
  const format = useFormatter();
  const day = (d: Date) => format.dateTime(new Date(d), "short");
  const { register, handleSubmit, formState, setError } = useForm<CreateInvitationInput, unknown, z.output<typeof createInvitationSchema>>({
    resolver: useLocalResolver(zodResolver(createInvitationSchema)),
    defaultValues: { role: "EDITOR", expiresInDays: INVITATION_DAYS.default },
  });
  const [issued, setIssued] = useState<{ url: string; role: Role; expiresAt: Date } | null>(null);
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await createInvitationAction(workspaceId, v);
    if (!res.ok) {
      const fields = (res.error.details?.fields ?? {}) as Record<string, string>;
      if (fields.role) setError("role", { message: fields.role });
      if (fields.expiresInDays) setError("expiresInDays", { message: fields.expiresInDays });
      if (!fields.role && !fields.expiresInDays) setFailure(res.error.message);
      return;
    }
    setIssued({ url: `${window.location.origin}${res.data.path}`, role: res.data.role, expiresAt: res.data.expiresAt });
    setCopied(false);
    router.refresh();
  });

  async function revoke(id: string) {
    setFailure(null);
    const res = await revokeInvitationAction(workspaceId, id);
    if (!res.ok) setFailure(res.error.message);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate aria-label={t("form")} className="flex flex-wrap items-start gap-2">
        <Field label={t("inviteAs")} error={formState.errors.role?.message}>
          <select className={inputClass} {...register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("validFor")}
          error={formState.errors.expiresInDays?.message}
          hint={t("daysHint", { min: INVITATION_DAYS.min, max: INVITATION_DAYS.max })}
        >
          <input type="number" min={INVITATION_DAYS.min} max={INVITATION_DAYS.max} className={`${inputClass} w-24`} {...register("expiresInDays")} />
        </Field>
        <Button type="submit" className="mt-6" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("creating") : t("create")}
        </Button>
      </form>
      {failure && <Alert>{failure}</Alert>}
      {issued && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="new-invitation">
          <p className="font-medium">{t("sendThis", { role: tr(issued.role), until: day(issued.expiresAt) })}</p>
          <div className="flex gap-2">
            <label htmlFor="new-invitation-link" className="sr-only">
              {t("link")}
            </label>
            <input id="new-invitation-link" readOnly value={issued.url} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono`} />
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard.writeText(issued.url).then(() => setCopied(true));
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
            <Button variant="ghost" onClick={() => setIssued(null)}>
              {t("done")}
            </Button>
          </div>
        </div>
      )}
      {invitations.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm" aria-label={t("links")}>
          {invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2 py-1.5" data-testid="invitation-row">
              <span className="rounded bg-slate-100 px-1.5 text-xs uppercase">{tr(i.role)}</span>
              <span className={i.status === "pending" ? "text-slate-900" : "text-slate-500"}>{t(`status.${i.status}`)}</span>
              <span className="text-slate-500">
                {i.usedBy ? t("usedBy", { name: i.usedBy.name }) : i.status === "pending" ? t("until", { date: day(i.expiresAt) }) : null}
                {t("madeBy", { name: i.createdBy.name, date: day(i.createdAt) })}
              </span>
              {i.status === "pending" && (
                <Button size="sm" variant="ghost" className="ml-auto" onClick={() => void revoke(i.id)} aria-label={t("revokeLabel", { role: tr(i.role) })}>
                  {t("revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
