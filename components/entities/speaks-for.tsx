"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateEntityAction } from "@/lib/actions/entities";
import { Button } from "@/components/ui/button";
import { EntityPicker, type PickedEntity } from "./entity-picker";

/**
 * Whom an entity speaks for (a spokesman → his government, a ministry → its country). Claims
 * by the entity then count as the same independent origin as the one it speaks for.
 */
export function SpeaksFor({
  workspaceId,
  entity,
  canEdit,
}: {
  workspaceId: string;
  entity: { id: string; name: string; speaksFor: { id: string; name: string } | null };
  canEdit: boolean;
}) {
  const t = useTranslations("entities");
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<PickedEntity>(entity.speaksFor);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = `speaks-for-${entity.id}`;

  async function save(next: PickedEntity) {
    setPending(true);
    setError(null);
    const res = await updateEntityAction(workspaceId, { id: entity.id, speaksForId: next?.id ?? null });
    setPending(false);
    if (!res.ok) return setError(res.error.message);
    setEditing(false);
  }

  if (!editing) {
    return (
      <p className="mt-2 text-sm text-slate-700" data-testid="speaks-for">
        {entity.speaksFor ? (
          t.rich("speaksFor", { name: entity.speaksFor.name, strong: (chunks) => <strong>{chunks}</strong> })
        ) : (
          <span className="text-slate-500">{t("speaksForNobody")}</span>
        )}
        {canEdit && (
          <Button
            size="sm"
            variant="ghost"
            className="ml-2 py-0 text-blue-800"
            onClick={() => setEditing(true)}
            aria-label={t("setSpeaksFor", { name: entity.name })}
          >
            {entity.speaksFor ? t("change") : t("speaksForButton")}
          </Button>
        )}
      </p>
    );
  }
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2 text-sm">
      <div className="w-72">
        <label htmlFor={inputId} className="mb-1 block font-medium text-slate-700">
          {t("speaksForLabel", { name: entity.name })}
        </label>
        <EntityPicker
          id={inputId}
          workspaceId={workspaceId}
          value={picked}
          onChange={setPicked}
          excludeId={entity.id}
          placeholder={t("speaksForPlaceholder")}
          aria-describedby={error ? `${inputId}-error` : undefined}
          aria-invalid={!!error}
        />
      </div>
      <Button size="sm" disabled={pending || !picked} onClick={() => void save(picked)}>
        {pending ? t("saving") : t("save")}
      </Button>
      {entity.speaksFor && (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => void save(null)}>
          {t("speaksForNoOne")}
        </Button>
      )}
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          setEditing(false);
          setError(null);
          setPicked(entity.speaksFor);
        }}
      >
        {t("cancel")}
      </Button>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="w-full text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
