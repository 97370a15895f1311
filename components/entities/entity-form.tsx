"use client";

import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createEntityAction, updateEntityAction } from "@/lib/actions/entities";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { entityFormSchema, type EntityFormValues } from "@/lib/validation/entities";
import { ENTITY_KINDS } from "@/lib/validation/schemas";
import { applyFieldErrors } from "./labels";

type Props = {
  workspaceId: string;
  slug: string;
  /** The entity to rename or re-kind; without it the form creates a new entity. */
  entity?: { id: string; name: string; kind: EntityFormValues["kind"] };
  onDone?: () => void;
  onCancel?: () => void;
};

/** Name and kind of an entity: creates one, or renames it (the old name stays an alias). */
export function EntityForm({ workspaceId, slug, entity, onDone, onCancel }: Props) {
  const t = useTranslations("entities");
  const { register, handleSubmit, formState, reset, setError } = useForm<EntityFormValues>({
    resolver: useLocalResolver(zodResolver(entityFormSchema)),
    defaultValues: { name: entity?.name ?? "", kind: entity?.kind ?? "PERSON" },
  });
  const [notice, setNotice] = useState<{ ok: boolean; text: string; existing?: { id: string; name: string } } | null>(null);

  const submit = handleSubmit(async (v) => {
    setNotice(null);
    const res = entity ? await updateEntityAction(workspaceId, { id: entity.id, name: v.name, kind: v.kind }) : await createEntityAction(workspaceId, v);
    if (!res.ok) {
      const rest = applyFieldErrors(res.error, setError, ["name", "kind"]);
      const existing = res.error.details?.existing as { id: string; name: string } | undefined;
      if (rest || existing) setNotice({ ok: false, text: rest ?? res.error.message, existing });
      return;
    }
    if (!entity) {
      reset({ name: "", kind: v.kind });
      setNotice({ ok: true, text: t("added", { name: v.name }) });
    }
    onDone?.();
  });

  return (
    <form onSubmit={submit} noValidate aria-label={entity ? t("editLabel", { name: entity.name }) : t("newEntity")} className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <Field
          label={entity ? t("name") : t("newEntityName")}
          error={formState.errors.name?.message}
          hint={entity ? t("oldNameStays") : undefined}
          className="min-w-56 flex-1"
        >
          <input className={inputClass} autoComplete="off" placeholder={entity ? undefined : t("namePlaceholder")} {...register("name")} />
        </Field>
        <Field label={t("kindLabel")} error={formState.errors.kind?.message}>
          <select className={inputClass} {...register("kind")}>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="mt-6 flex gap-2">
          <Button type="submit" size="sm" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t("saving") : entity ? t("save") : t("addEntity")}
          </Button>
          {onCancel && (
            <Button size="sm" variant="ghost" onClick={onCancel}>
              {t("cancel")}
            </Button>
          )}
        </div>
      </div>
      {notice && (
        <Alert tone={notice.ok ? "success" : "error"}>
          {notice.text}
          {notice.existing && (
            <>
              {" "}
              <Link className="font-medium underline" href={`/w/${slug}/entities?q=${encodeURIComponent(notice.existing.name)}`}>
                {t("open", { name: notice.existing.name })}
              </Link>
            </>
          )}
        </Alert>
      )}
    </form>
  );
}
