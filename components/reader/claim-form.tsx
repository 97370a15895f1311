"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { claimFormSchema, MODALITIES, type ClaimFormValues } from "@/lib/validation/schemas";
import { SpeakerCombobox } from "./speaker-combobox";
import type { ClaimTypeView, ReaderAnnotation } from "./types";

export const MODALITY_LABELS: Record<(typeof MODALITIES)[number], string> = {
  ASSERTED: "Asserted",
  REPORTED: "Reported",
  ALLEGED: "Alleged",
  DENIED: "Denied",
  SPECULATIVE: "Speculative",
  FORECAST: "Forecast",
};

export function valuesFrom(a: ReaderAnnotation | null, claimTypeId = ""): ClaimFormValues {
  const f = (a?.fields ?? {}) as Record<string, string | undefined>;
  const speaker = a?.speakerEntity
    ? { kind: "entity" as const, ...a.speakerEntity }
    : a?.speakerSource
      ? { kind: "source" as const, ...a.speakerSource }
      : null;
  return {
    claimTypeId: a?.claimTypeId ?? claimTypeId,
    speaker,
    modality: a?.modality ?? "ASSERTED",
    date: f.date ?? "",
    quantity: f.quantity ?? "",
    item: f.item ?? "",
    actors: a?.actors.join(", ") ?? "",
    note: a?.note ?? "",
  };
}

type Props = {
  workspaceId: string;
  claimTypes: ClaimTypeView[];
  quote: string;
  initial: ClaimFormValues;
  mode: "create" | "edit";
  error: string | null;
  conflict: boolean;
  onSubmit: (v: ClaimFormValues) => Promise<Record<string, string> | void>;
  onCancel: () => void;
  onReload: () => void;
};

/** Type (keys 1–9), speaker, modality, structured fields and note for one claim. */
export function ClaimForm({ workspaceId, claimTypes, quote, initial, mode, error, conflict, onSubmit, onCancel, onReload }: Props) {
  const form = useForm<ClaimFormValues>({ resolver: zodResolver(claimFormSchema), defaultValues: initial });
  const { register, control, handleSubmit, formState, reset, setValue, setError, watch } = form;
  useEffect(() => reset(initial), [initial, reset]);
  const selectedType = watch("claimTypeId");

  const submit = handleSubmit(async (v) => {
    const fieldErrors = await onSubmit(v);
    if (fieldErrors) for (const [k, m] of Object.entries(fieldErrors)) setError(k as keyof ClaimFormValues, { message: m });
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={mode === "create" ? "New claim" : "Edit claim"}
      className="space-y-3"
      onKeyDown={(e) => {
        const inText = e.target instanceof HTMLTextAreaElement || (e.target instanceof HTMLInputElement && e.target.type !== "radio");
        if (!inText && /^[1-9]$/.test(e.key)) {
          const t = claimTypes.find((c) => c.shortcut === Number(e.key));
          if (t) {
            e.preventDefault();
            setValue("claimTypeId", t.id, { shouldValidate: true });
          }
        }
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <blockquote className="max-h-28 overflow-auto border-l-4 border-slate-300 pl-3 text-sm italic text-slate-700" data-testid="claim-quote">
        {quote}
      </blockquote>
      {error && (
        <Alert>
          {error}
          {conflict && (
            <button type="button" className="ml-2 font-medium underline" onClick={onReload}>
              Reload the latest version
            </button>
          )}
        </Alert>
      )}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Claim type</legend>
        <div className="mt-1 flex flex-wrap gap-1.5" role="radiogroup" aria-describedby={formState.errors.claimTypeId ? "claim-type-error" : undefined}>
          {claimTypes.map((t) => (
            <label
              key={t.id}
              className={`flex cursor-pointer items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${selectedType === t.id ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
            >
              <input type="radio" value={t.id} {...register("claimTypeId")} className="sr-only" />
              <span className="h-2.5 w-2.5 rounded-full" style={{ background: t.color }} aria-hidden />
              {t.label}
              {t.shortcut && <kbd className="ml-0.5 rounded bg-slate-200 px-1 text-[10px] text-slate-700">{t.shortcut}</kbd>}
            </label>
          ))}
        </div>
        {formState.errors.claimTypeId && <p id="claim-type-error" className="mt-1 text-sm text-red-700">{formState.errors.claimTypeId.message}</p>}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="claim-speaker" className="text-sm font-medium text-slate-700">Speaker</label>
        <Controller control={control} name="speaker" render={({ field }) => <SpeakerCombobox id="claim-speaker" workspaceId={workspaceId} value={field.value} onChange={field.onChange} />} />
      </div>
      <Field label="Modality" error={formState.errors.modality?.message}>
        <select className={inputClass} {...register("modality")}>
          {MODALITIES.map((m) => <option key={m} value={m}>{MODALITY_LABELS[m]}</option>)}
        </select>
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label="Date" error={formState.errors.date?.message}>
          <input className={inputClass} placeholder="2023-09-13" {...register("date")} />
        </Field>
        <Field label="Quantity" error={formState.errors.quantity?.message}>
          <input className={inputClass} placeholder="5" {...register("quantity")} />
        </Field>
      </div>
      <Field label="Item" error={formState.errors.item?.message}>
        <input className={inputClass} placeholder="artillery shells" {...register("item")} />
      </Field>
      <Field label="Actors" hint="Comma-separated, e.g. North Korea, Russia" error={formState.errors.actors?.message}>
        <input className={inputClass} {...register("actors")} />
      </Field>
      <Field label="Note" error={formState.errors.note?.message}>
        <textarea className={inputClass} rows={2} {...register("note")} />
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : mode === "create" ? "Save claim" : "Save changes"}</Button>
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
        <span className="ml-auto text-xs text-slate-500"><kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels</span>
      </div>
    </form>
  );
}
