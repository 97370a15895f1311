"use client";

import { zodResolver } from "@hookform/resolvers/zod";
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
  const { register, handleSubmit, formState, reset, setError, setFocus } = useForm<AliasFormValues>({
    resolver: zodResolver(aliasFormSchema),
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
    if (res.data.warning) setNotice({ tone: "warning", text: `Added “${res.data.alias.alias}”. Note: ${res.data.warning}.` });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={`Add an alias to ${entityName}`} className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <Field label="New alias" error={formState.errors.alias?.message} className="min-w-48 flex-1">
          <input className={inputClass} placeholder="e.g. Bình Nhưỡng" autoComplete="off" {...register("alias")} />
        </Field>
        <Field label="Language" error={formState.errors.language?.message}>
          <select className={inputClass} {...register("language")}>
            {ALIAS_LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" size="sm" variant="secondary" className="mt-6" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Adding…" : "Add alias"}
        </Button>
        <Button size="sm" variant="ghost" className="mt-6" onClick={onClose}>
          Done
        </Button>
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
    </form>
  );
}
