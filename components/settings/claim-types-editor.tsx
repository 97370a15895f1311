"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { deleteClaimTypeAction, saveClaimTypeAction } from "@/lib/actions/settings";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type T = { id: string; label: string; color: string; shortcut: number | null };

export function ClaimTypesEditor({ workspaceId, types, canEdit }: { workspaceId: string; types: T[]; canEdit: boolean }) {
  return (
    <div className="space-y-2">
      {types.map((t) => (
        <Row key={t.id} workspaceId={workspaceId} initial={t} canEdit={canEdit} />
      ))}
      {canEdit && <Row workspaceId={workspaceId} initial={{ id: "", label: "", color: "#444444", shortcut: null }} canEdit isNew />}
    </div>
  );
}

function Row({ workspaceId, initial, canEdit, isNew }: { workspaceId: string; initial: T; canEdit: boolean; isNew?: boolean }) {
  const [v, setV] = useState(initial);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const router = useRouter();
  const t = useTranslations("claimTypes");
  const dirty = v.label !== initial.label || v.color !== initial.color || v.shortcut !== initial.shortcut;
  async function save() {
    const res = await saveClaimTypeAction(workspaceId, { id: v.id || undefined, label: v.label, color: v.color, shortcut: v.shortcut });
    setMsg(res.ok ? { ok: true, text: t("saved") } : { ok: false, text: res.error.message });
    if (res.ok && isNew) setV(initial);
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        aria-label={t("colour")}
        type="color"
        value={v.color}
        disabled={!canEdit}
        onChange={(e) => setV({ ...v, color: e.target.value })}
        className="h-8 w-10 rounded border border-slate-300"
      />
      <input
        aria-label={t("label")}
        className={`${inputClass} w-48`}
        value={v.label}
        placeholder={isNew ? t("newPlaceholder") : undefined}
        disabled={!canEdit}
        onChange={(e) => setV({ ...v, label: e.target.value })}
      />
      <select
        aria-label={t("key")}
        className="rounded border border-slate-300 px-2 py-1.5 text-sm"
        disabled={!canEdit}
        value={v.shortcut ?? ""}
        onChange={(e) => setV({ ...v, shortcut: e.target.value ? Number(e.target.value) : null })}
      >
        <option value="">{t("noKey")}</option>
        {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
          <option key={n} value={n}>
            {t("keyN", { n })}
          </option>
        ))}
      </select>
      {canEdit && (dirty || isNew) && (
        <Button size="sm" onClick={save} disabled={!v.label.trim()}>
          {isNew ? t("add") : t("save")}
        </Button>
      )}
      {canEdit && !isNew && (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="ghost" aria-label={t("deleteLabel", { label: initial.label })}>
              {t("delete")}
            </Button>
          }
          title={t("deleteTitle", { label: initial.label })}
          description={t("deleteText")}
          confirmLabel={t("deleteConfirm")}
          pendingLabel={t("deleting")}
          onConfirm={async () => {
            const r = await deleteClaimTypeAction(workspaceId, initial.id);
            if (!r.ok) return r.error.message;
            router.refresh();
            return null;
          }}
        />
      )}
      {msg && (
        <span role={msg.ok ? "status" : "alert"} className={`text-sm ${msg.ok ? "text-green-700" : "text-red-700"}`}>
          {msg.text}
        </span>
      )}
    </div>
  );
}
