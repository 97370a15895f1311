"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { removeMemberAction, setMemberAction } from "@/lib/actions/settings";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ROLES } from "@/lib/domain/roles";
import type { Role } from "@/lib/domain/vocabulary";

type M = { id: string; name: string; email: string; role: Role };

export function MembersPanel({ workspaceId, members, canManage }: { workspaceId: string; members: M[]; canManage: boolean }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("EDITOR");
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const router = useRouter();
  const t = useTranslations("members");
  const tr = useTranslations("roles");
  return (
    <div>
      <ul className="divide-y divide-slate-100" aria-label={t("list")}>
        {members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-2 text-sm">
            <span className="font-medium">{m.name}</span>
            <span className="min-w-0 break-all text-slate-600">{m.email}</span>
            <span className="ml-auto rounded bg-slate-100 px-1.5 text-xs uppercase">{tr(m.role)}</span>
            {canManage && (
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="ghost" aria-label={t("removeLabel", { name: m.name })}>
                    {t("remove")}
                  </Button>
                }
                title={t("removeTitle", { name: m.name })}
                description={t("removeText")}
                confirmLabel={t("removeConfirm")}
                pendingLabel={t("removing")}
                onConfirm={async () => {
                  const r = await removeMemberAction(workspaceId, m.id);
                  if (!r.ok) return r.error.message;
                  router.refresh();
                  return null;
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form
          className="mt-4 flex flex-wrap gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const res = await setMemberAction(workspaceId, { email, role });
            setMsg(res.ok ? { ok: true, text: t("roleSet", { email, role: tr(role) }) } : { ok: false, text: res.error.message });
            if (res.ok) setEmail("");
          }}
        >
          <label htmlFor="member-email" className="sr-only">
            {t("emailLabel")}
          </label>
          <input
            id="member-email"
            type="email"
            required
            className={`${inputClass} w-64`}
            placeholder={t("emailPlaceholder")}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor="member-role" className="sr-only">
            {t("role")}
          </label>
          <select id="member-role" className="rounded border border-slate-300 px-2 text-sm" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
          <Button type="submit">{t("submit")}</Button>
        </form>
      )}
      {msg && (
        <Alert tone={msg.ok ? "success" : "error"} className="mt-3">
          {msg.text}
        </Alert>
      )}
    </div>
  );
}
