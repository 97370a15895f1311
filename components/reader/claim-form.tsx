"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useCallback, useId, useLayoutEffect, useRef } from "react";
import { Controller, useForm, useWatch, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { claimFormSchema, MODALITIES, type ClaimFormValues } from "@/lib/validation/schemas";
import { ActorPicker } from "./actor-picker";
import { readDateInput } from "./claim-readings";
import { useReadingText } from "./use-reading-text";
import { compactInputClass } from "./form-styles";
import { MODALITY_HINTS } from "./modality";
import { QuantityRows } from "./quantity-rows";
import { SpeakersPicker } from "./speaker-combobox";
import type { ClaimTypeView, ReaderAnnotation } from "./types";

type StoredFields = { date?: string; quantities?: { value: string; item?: string }[]; item?: string };

export function valuesFrom(a: ReaderAnnotation | null, claimTypeId = ""): ClaimFormValues {
  const f = (a?.fields ?? {}) as StoredFields;
  return {
    claimTypeId: a?.claimTypeId ?? claimTypeId,
    speakers: a?.speakers.map((s) => ({ kind: s.type, id: s.id, name: s.name })) ?? [],
    modality: a?.modality ?? "ASSERTED",
    date: f.date ?? "",
    quantities: f.quantities?.map((q) => ({ value: q.value, item: q.item ?? "" })) ?? [],
    item: f.item ?? "",
    actors: [
      ...(a?.actorEntities.map((e) => ({ kind: "entity" as const, id: e.id, name: e.name })) ?? []),
      ...(a?.actors.map((name) => ({ kind: "text" as const, id: "", name })) ?? []),
    ],
    note: a?.note ?? "",
  };
}

type Props = {
  workspaceId: string;
  claimTypes: ClaimTypeView[];
  quote: string;
  initial: ClaimFormValues;
  /**
   * A claim type chosen with a number key while the form is open: it sets the type and nothing
   * else, so a key pressed after typing a date or a note never wipes them.
   */
  presetType?: { typeId: string } | null;
  mode: "create" | "edit";
  error: string | null;
  conflict: boolean;
  /** The article's publication date (YYYY-MM-DD): it supplies the year of a date written without one. */
  articleDate?: string | null;
  /** Resolves to field errors keyed as the server names them (e.g. "fields.date", "speakers.1"). */
  onSubmit: (v: ClaimFormValues) => Promise<Record<string, string> | undefined>;
  onCancel: () => void;
  onReload: () => void;
};

/** Type (keys 1–9), speakers, modality, date, counts, actors and note for one claim. */
export function ClaimForm({ workspaceId, claimTypes, quote, initial, presetType, mode, error, conflict, articleDate, onSubmit, onCancel, onReload }: Props) {
  const tc = useTranslations("claimForm");
  const t = useTranslations("reader.form");
  const tm = useTranslations("reader.modality");
  const form = useForm<ClaimFormValues>({ resolver: useLocalResolver(zodResolver(claimFormSchema)), defaultValues: initial });
  const { register, control, handleSubmit, formState, reset, setValue, setError } = form;
  const { errors } = formState;
  // Layout effects, not effects: they run before the browser takes the next key or paste, so
  // what a person types right after the form opens can never be overwritten by a late reset.
  useLayoutEffect(() => reset(initial), [initial, reset]);
  useLayoutEffect(() => {
    if (presetType) setValue("claimTypeId", presetType.typeId, { shouldValidate: true });
  }, [presetType, setValue]);
  const selectedType = useWatch({ control, name: "claimTypeId" });
  const modality = useWatch({ control, name: "modality" });
  const date = useWatch({ control, name: "date" });
  const readingText = useReadingText();
  const dateReading = readDateInput(date ?? "", articleDate);
  const uid = useId();
  const dateId = `${uid}-date`;
  const dateNoteId = `${uid}-date-note`;

  // A speaker being created when Save is pressed is part of the claim: wait for it, never drop it.
  const inFlight = useRef(new Set<Promise<unknown>>());
  const track = useCallback((p: Promise<unknown>) => {
    inFlight.current.add(p);
    void p.finally(() => inFlight.current.delete(p));
  }, []);
  const send = handleSubmit(async (v) => {
    const fieldErrors = await onSubmit(v);
    if (!fieldErrors) return;
    serverErrors(fieldErrors, v).forEach(([name, message], i) => {
      setError(name, { type: "server", message }, { shouldFocus: i === 0 });
    });
  });
  const sending = useRef(false);
  const submit = async (e?: React.BaseSyntheticEvent) => {
    e?.preventDefault();
    if (sending.current) return;
    sending.current = true;
    try {
      await Promise.allSettled([...inFlight.current]);
      await send();
    } finally {
      sending.current = false;
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={mode === "create" ? tc("newClaim") : tc("editClaim")}
      className="space-y-2.5"
      onKeyDown={(e) => {
        const inText = e.target instanceof HTMLTextAreaElement || (e.target instanceof HTMLInputElement && e.target.type !== "radio");
        if (!inText && !e.ctrlKey && !e.metaKey && !e.altKey && /^[1-9]$/.test(e.key)) {
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
      <blockquote className="max-h-20 overflow-auto border-l-4 border-slate-300 pl-3 text-sm italic text-slate-700" data-testid="claim-quote">
        {quote}
      </blockquote>
      {error && (
        <Alert>
          {error}
          {conflict && (
            <button type="button" className="ml-2 font-medium underline" onClick={onReload}>
              {t("reload")}
            </button>
          )}
        </Alert>
      )}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("claimType")}</legend>
        <div className="mt-1 flex flex-wrap gap-1" role="radiogroup" aria-describedby={errors.claimTypeId ? `${uid}-type-error` : undefined}>
          {claimTypes.map((t) => (
            <label
              key={t.id}
              className={`flex cursor-pointer items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${selectedType === t.id ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
            >
              <input type="radio" value={t.id} {...register("claimTypeId")} className="sr-only" />
              <span className="claim-ink h-2.5 w-2.5 rounded-full bg-(--claim-ink)" style={{ "--claim-color": t.color } as React.CSSProperties} aria-hidden />
              {t.label}
              {t.shortcut && <kbd className="ml-0.5 rounded bg-slate-200 px-1 text-[10px] text-slate-700">{t.shortcut}</kbd>}
            </label>
          ))}
        </div>
        {errors.claimTypeId && (
          <p id={`${uid}-type-error`} className="mt-1 text-sm text-red-700">
            {errors.claimTypeId.message}
          </p>
        )}
      </fieldset>
      <Controller
        control={control}
        name="speakers"
        render={({ field }) => (
          <Field label={t("speakers")} error={errors.speakers?.message ?? errors.speakers?.root?.message}>
            <SpeakersPicker workspaceId={workspaceId} value={field.value} onChange={field.onChange} track={track} />
          </Field>
        )}
      />
      <div className="grid grid-cols-[2fr_3fr] gap-2">
        <Field label={t("modality")} hint={t("cues", { hints: MODALITY_HINTS[modality] })} error={errors.modality?.message}>
          <select className={compactInputClass} {...register("modality")}>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {tm(m)}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={dateId} className="text-sm font-medium text-slate-700">
            {t("date")}
          </label>
          <input
            id={dateId}
            className={compactInputClass}
            placeholder={t("datePlaceholder")}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date || dateReading ? dateNoteId : undefined}
            {...register("date")}
          />
          {errors.date ? (
            <p id={dateNoteId} className="text-sm text-red-700">
              {readingText.fieldError(errors.date.message, dateReading)}
            </p>
          ) : (
            dateReading && (
              <p id={dateNoteId} className={clsx("text-xs", dateReading.ok ? "text-slate-500" : "text-amber-800")}>
                {readingText.date(dateReading)}
              </p>
            )
          )}
        </div>
      </div>
      <QuantityRows form={form} idPrefix={uid} />
      <Field label={t("item")} error={errors.item?.message}>
        <input className={compactInputClass} placeholder={t("itemPlaceholder")} {...register("item")} />
      </Field>
      <Controller
        control={control}
        name="actors"
        render={({ field }) => (
          <Field label={t("actors")} error={errors.actors?.message ?? errors.actors?.root?.message}>
            <ActorPicker workspaceId={workspaceId} value={field.value} onChange={field.onChange} />
          </Field>
        )}
      />
      <Field label={t("note")} error={errors.note?.message}>
        <textarea className={compactInputClass} rows={2} {...register("note")} />
      </Field>
      {/* Stays in view at the bottom of the panel however long the form grows. */}
      <div className="sticky bottom-0 z-10 -mx-4 -mb-4 flex items-center gap-2 rounded-b-lg border-t border-slate-200 bg-white px-4 py-2">
        <Button type="submit" className="whitespace-nowrap" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("saving") : mode === "create" ? t("saveClaim") : t("saveChanges")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <span className="ml-auto text-right text-xs leading-tight text-slate-500">
          {t.rich("keys", { kbd: (chunks) => <kbd>{chunks}</kbd>, br: () => <br /> })}
        </span>
      </div>
    </form>
  );
}

/** Place the server's field errors (named after the service input) on the form's own fields. */
function serverErrors(given: Record<string, string>, v: ClaimFormValues): [Path<ClaimFormValues>, string][] {
  // The service input drops empty counts and splits actors by kind: map its indexes back.
  const sentQuantities = v.quantities.flatMap((q, i) => (q.value.trim() ? [i] : []));
  const entityActors = v.actors.filter((a) => a.kind === "entity");
  const textActors = v.actors.filter((a) => a.kind === "text" && a.name.trim());
  const out: [Path<ClaimFormValues>, string][] = [];
  for (const [key, message] of Object.entries(given)) {
    const [head, second, third] = key.split(".");
    const at = second !== undefined && /^\d+$/.test(second) ? Number(second) : null;
    const named = (name: string | undefined) => (name ? `${name}: ${message}` : message);
    if (key === "fields.date") out.push(["date", message]);
    else if (key === "fields.item") out.push(["item", message]);
    else if (head === "fields" && second === "quantities") {
      const row = third !== undefined ? sentQuantities[Number(third)] : undefined;
      const part = key.endsWith(".item") ? "item" : "value";
      out.push(row === undefined ? ["quantities", message] : [`quantities.${row}.${part}`, message]);
    } else if (head === "speakers") out.push(["speakers", named(at === null ? undefined : v.speakers[at]?.name)]);
    else if (head === "actorEntityIds") out.push(["actors", named(at === null ? undefined : entityActors[at]?.name)]);
    else if (head === "actors") out.push(["actors", named(at === null ? undefined : textActors[at]?.name)]);
    else if (head === "claimTypeId" || head === "modality" || head === "note") out.push([head, message]);
  }
  return out;
}
