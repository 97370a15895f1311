"use client";

import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createEntityAction, updateEntityAction } from "@/lib/actions/entities";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { entityFormSchema, type EntityFormValues } from "@/lib/validation/entities";
import { ENTITY_KINDS } from "@/lib/validation/schemas";
import { applyFieldErrors, ENTITY_KIND_LABELS } from "./labels";

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
  const { register, handleSubmit, formState, reset, setError } = useForm<EntityFormValues>({
    resolver: zodResolver(entityFormSchema),
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
      setNotice({ ok: true, text: `Added “${v.name}”.` });
    }
    onDone?.();
  });

  return (
    <form onSubmit={submit} noValidate aria-label={entity ? `Edit ${entity.name}` : "New entity"} className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <Field
          label={entity ? "Name" : "New entity name"}
          error={formState.errors.name?.message}
          hint={entity ? "The old name stays as an alias" : undefined}
          className="min-w-56 flex-1"
        >
          <input className={inputClass} autoComplete="off" placeholder={entity ? undefined : "e.g. Vladimir Putin"} {...register("name")} />
        </Field>
        <Field label="Kind" error={formState.errors.kind?.message}>
          <select className={inputClass} {...register("kind")}>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {ENTITY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <div className="mt-6 flex gap-2">
          <Button type="submit" size="sm" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Saving…" : entity ? "Save" : "Add entity"}
          </Button>
          {onCancel && (
            <Button size="sm" variant="ghost" onClick={onCancel}>
              Cancel
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
                Open {notice.existing.name}
              </Link>
            </>
          )}
        </Alert>
      )}
    </form>
  );
}
