"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { updateSourceAction } from "@/lib/actions/entities";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { SourceListItem } from "@/lib/server/sources";
import { sourceFormSchema, sourceFormToInput, type SourceFormValues } from "@/lib/validation/entities";
import { SOURCE_KINDS } from "@/lib/validation/schemas";
import { EntityPicker } from "./entity-picker";
import { applyFieldErrors } from "./labels";

const FIELDS = ["name", "kind", "country", "language", "upstreamId", "entity"] as const;

/** A source's table row in edit mode: every editable column becomes a labelled control. */
export function SourceEditRow({
  workspaceId,
  source,
  options,
  onClose,
}: {
  workspaceId: string;
  source: SourceListItem;
  options: { id: string; name: string }[];
  onClose: () => void;
}) {
  const t = useTranslations("entities");
  const { register, control, handleSubmit, formState, setError, setFocus } = useForm<SourceFormValues>({
    resolver: useLocalResolver(zodResolver(sourceFormSchema)),
    defaultValues: {
      name: source.name,
      kind: source.kind,
      country: source.country ?? "",
      language: source.language ?? "",
      upstreamId: source.upstream?.id ?? "",
      entity: source.entity,
    },
  });
  const [error, setFormError] = useState<string | null>(null);
  const errors = formState.errors;
  const formId = `source-form-${source.id}`;
  useEffect(() => setFocus("name"), [setFocus]);

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const res = await updateSourceAction(workspaceId, sourceFormToInput(source.id, v));
    if (res.ok) return onClose();
    setFormError(applyFieldErrors(res.error, setError, FIELDS, { entityId: "entity" }));
  });

  return (
    <tr className="border-b border-slate-100 bg-blue-50/40 align-top" data-testid="source-edit-row">
      <td className="space-y-2 px-4 py-2">
        <form id={formId} onSubmit={submit} noValidate aria-label={t("editLabel", { name: source.name })} />
        <Field label={t("name")} error={errors.name?.message}>
          <input form={formId} className={inputClass} autoComplete="off" {...register("name")} />
        </Field>
        <div className="flex gap-2">
          <Field label={t("country")} error={errors.country?.message} className="w-24">
            <input form={formId} className={inputClass} placeholder={t("countryPlaceholder")} {...register("country")} />
          </Field>
          <Field label={t("sourceLanguage")} error={errors.language?.message} className="w-24">
            <input form={formId} className={inputClass} placeholder={t("languagePlaceholder")} {...register("language")} />
          </Field>
        </div>
      </td>
      <td className="px-4 py-2">
        <Field label={t("kindLabel")} error={errors.kind?.message}>
          <select form={formId} className={inputClass} {...register("kind")}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`sourceKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
      </td>
      <td className="px-4 py-2">
        <Field label={t("relaysField")} error={errors.upstreamId?.message} hint={t("relaysHint")}>
          <select form={formId} className={inputClass} {...register("upstreamId")}>
            <option value="">{t("relaysNoOne")}</option>
            {options
              .filter((o) => o.id !== source.id)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </select>
        </Field>
      </td>
      <td className="min-w-56 px-4 py-2">
        <Controller
          control={control}
          name="entity"
          render={({ field }) => (
            <Field label={t("linkedEntity")} error={errors.entity?.message}>
              <EntityPicker workspaceId={workspaceId} value={field.value} onChange={field.onChange} placeholder={t("searchEntities")} />
            </Field>
          )}
        />
      </td>
      <td colSpan={4} className="px-4 py-2">
        <div className="flex flex-col items-end gap-2">
          <div className="flex gap-2">
            <Button form={formId} type="submit" size="sm" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t("saving") : t("save")}
            </Button>
            <Button size="sm" variant="ghost" onClick={onClose}>
              {t("cancel")}
            </Button>
          </div>
          {error && <Alert className="max-w-xs text-left">{error}</Alert>}
        </div>
      </td>
    </tr>
  );
}
