"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import type { ClaimFormValues } from "@/lib/validation/schemas";
import { readQuantityInput } from "./claim-readings";
import { useReadingText } from "./use-reading-text";
import { compactInputClass } from "./form-styles";

/** Counted items of a claim ("5 attack drones; 1 reconnaissance drone"), each count read back as it is typed. */
export function QuantityRows({ form, idPrefix }: { form: UseFormReturn<ClaimFormValues>; idPrefix: string }) {
  const t = useTranslations("reader.quantities");
  const readingText = useReadingText();
  const { control, register, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "quantities" });
  const values = useWatch({ control, name: "quantities" });
  const errors = formState.errors.quantities;
  const listError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{t("legend")}</legend>
      {fields.map((f, i) => {
        const n = i + 1;
        const reading = readQuantityInput(values?.[i]?.value ?? "");
        const valueError = readingText.fieldError(errors?.[i]?.value?.message, reading);
        const itemError = errors?.[i]?.item?.message;
        const noteId = `${idPrefix}-q${i}-note`;
        const itemErrorId = `${idPrefix}-q${i}-item-error`;
        return (
          <div key={f.id} className="space-y-0.5" data-testid="quantity-row">
            <div className="grid grid-cols-[7rem_minmax(0,1fr)_auto] gap-1">
              <input
                className={compactInputClass}
                aria-label={t("count", { n })}
                placeholder={t("countPlaceholder")}
                aria-invalid={valueError ? true : undefined}
                aria-describedby={valueError || reading ? noteId : undefined}
                {...register(`quantities.${i}.value`)}
              />
              <input
                className={compactInputClass}
                aria-label={t("item", { n })}
                placeholder={t("itemPlaceholder")}
                title={t("itemHint")}
                aria-invalid={itemError ? true : undefined}
                aria-describedby={itemError ? itemErrorId : undefined}
                {...register(`quantities.${i}.item`)}
              />
              <button
                type="button"
                className="rounded px-2 text-sm text-slate-600 hover:bg-slate-100"
                onClick={() => remove(i)}
                aria-label={t("remove", { n })}
              >
                ×
              </button>
            </div>
            {valueError ? (
              <p id={noteId} className="text-sm text-red-700">
                {valueError}
              </p>
            ) : (
              reading && (
                <p id={noteId} className={clsx("text-xs", reading.ok ? "text-slate-500" : "text-amber-800")}>
                  {readingText.quantity(reading)}
                </p>
              )
            )}
            {itemError && (
              <p id={itemErrorId} className="text-sm text-red-700">
                {itemError}
              </p>
            )}
          </div>
        );
      })}
      <div className="flex items-center gap-2">
        <button
          type="button"
          className="shrink-0 whitespace-nowrap rounded px-1 text-sm font-medium text-blue-700 hover:underline"
          onClick={() => append({ value: "", item: "" }, { shouldFocus: true })}
        >
          <span aria-hidden>+</span> {t("add")}
        </button>
        {fields.length > 0 && <span className="text-xs text-slate-500">{t("itemHint")}</span>}
      </div>
      {listError && <p className="text-sm text-red-700">{listError}</p>}
    </fieldset>
  );
}
