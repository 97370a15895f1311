"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { addAliasAction } from "@/lib/actions/entities";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { aliasFormSchema, type AliasFormValues } from "@/lib/validation/entities";
import { ALIAS_LANGUAGES, applyFieldErrors } from "./labels";

/** Inline "add alias" form; warns (without refusing) when another entity has the same alias. */
export function AliasForm({ workspaceId, entityId, entityName, onClose }: { workspaceId: string; entityId: string; entityName: string; onClose: () => void }) {
  const t = useTranslations("entities");
  const { register, handleSubmit, formState, reset, setError, setFocus } = useForm<AliasFormValues>({
    resolver: useLocalResolver(zodResolver(aliasFormSchema)),
    defaultValues: { alias: "", language: "" },
  });
  const [notice, setNotice] = useState<{ tone: "warning" | "error"; text: string } | null>(null);
  useEffect(() => setFocus("alias"), [setFocus]);

  const submit = handleSubmit(async (v) => {
    setNotice(null);
    const res = await addAliasAction(workspaceId, { entityId, alias: v.alias, language: v.language });
    if (!res.ok) {
      const rest = applyFieldErrors(res.error, setError, ["alias", "language"]);
      if (rest) setNotice({ tone: "error", text: rest });
      return;
    }
    reset({ alias: "", language: v.language });
    setFocus("alias");
    if (res.data.warning) setNotice({ tone: "warning", text: t("aliasAddedWarning", { alias: res.data.alias.alias, warning: res.data.warning }) });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t("addAliasTo", { name: entityName })} className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <Field label={t("newAlias")} error={formState.errors.alias?.message} className="min-w-48 flex-1">
          <input className={inputClass} placeholder={t("newAliasPlaceholder")} autoComplete="off" {...register("alias")} />
        </Field>
        <Field label={t("aliasLanguage")} error={formState.errors.language?.message}>
          <select className={inputClass} {...register("language")}>
            {ALIAS_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code || "any"}`)}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" size="sm" variant="secondary" className="mt-6" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("adding") : t("addAlias")}
        </Button>
        <Button size="sm" variant="ghost" className="mt-6" onClick={onClose}>
          {t("done")}
        </Button>
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
    </form>
  );
}
