"use client";

import { zodResolver } from "@hookform/resolvers/zod";
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

const STATUS_LABEL: Record<InvitationView["status"], string> = { pending: "waiting", used: "used", revoked: "revoked", expired: "expired" };
const day = (d: Date) => new Date(d).toISOString().slice(0, 10);

/** Owners: create a single-use invitation link (role, days valid), see each link's fate, revoke unused ones. */
export function InvitationsPanel({ workspaceId, invitations }: { workspaceId: string; invitations: InvitationView[] }) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError } = useForm<CreateInvitationInput, unknown, z.output<typeof createInvitationSchema>>({
    resolver: zodResolver(createInvitationSchema),
    defaultValues: { role: "EDITOR", expiresInDays: INVITATION_DAYS.default },
  });
  const [issued, setIssued] = useState<{ url: string; role: string; expiresAt: Date } | null>(null);
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
      <form onSubmit={submit} noValidate aria-label="New invitation link" className="flex flex-wrap items-start gap-2">
        <Field label="Invite as" error={formState.errors.role?.message}>
          <select className={inputClass} {...register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.toLowerCase()}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Valid for (days)" error={formState.errors.expiresInDays?.message} hint={`${INVITATION_DAYS.min}–${INVITATION_DAYS.max} days`}>
          <input type="number" min={INVITATION_DAYS.min} max={INVITATION_DAYS.max} className={`${inputClass} w-24`} {...register("expiresInDays")} />
        </Field>
        <Button type="submit" className="mt-6" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Creating…" : "Create invitation link"}
        </Button>
      </form>
      {failure && <Alert>{failure}</Alert>}
      {issued && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="new-invitation">
          <p className="font-medium">
            Send this link to the person you invite ({issued.role.toLowerCase()}, until {day(issued.expiresAt)}). It works once and is shown only now.
          </p>
          <div className="flex gap-2">
            <label htmlFor="new-invitation-link" className="sr-only">
              Invitation link
            </label>
            <input id="new-invitation-link" readOnly value={issued.url} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono`} />
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard.writeText(issued.url).then(() => setCopied(true));
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
            <Button variant="ghost" onClick={() => setIssued(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
      {invitations.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Invitation links">
          {invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2 py-1.5" data-testid="invitation-row">
              <span className="rounded bg-slate-100 px-1.5 text-xs uppercase">{i.role.toLowerCase()}</span>
              <span className={i.status === "pending" ? "text-slate-900" : "text-slate-500"}>{STATUS_LABEL[i.status]}</span>
              <span className="text-slate-500">
                {i.usedBy ? `by ${i.usedBy.name}` : i.status === "pending" ? `until ${day(i.expiresAt)}` : null} · made by {i.createdBy.name} on{" "}
                {day(i.createdAt)}
              </span>
              {i.status === "pending" && (
                <Button size="sm" variant="ghost" className="ml-auto" onClick={() => void revoke(i.id)} aria-label={`Revoke the ${i.role.toLowerCase()} link`}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
