"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { searchEntitiesAction } from "@/lib/actions/entities";
import { inputClass } from "@/components/ui/field";
import { useCombobox, type ComboboxResults } from "@/components/ui/use-combobox";
import type { EntityKind } from "./labels";

export type PickedEntity = { id: string; name: string } | null;
type Option = { id: string; name: string; kind: EntityKind; aliases: string[] };

/** Search select over entity names and aliases (diacritic-insensitive); `excludeId` is never offered. */
export function EntityPicker({
  workspaceId,
  value,
  onChange,
  excludeId,
  placeholder,
  id,
  ...aria
}: {
  workspaceId: string;
  value: PickedEntity;
  onChange: (v: PickedEntity) => void;
  excludeId?: string;
  placeholder?: string;
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const t = useTranslations("entities");
  const search = useCallback(
    async (q: string): Promise<ComboboxResults<Option>> => {
      const res = await searchEntitiesAction(workspaceId, q);
      return res.ok ? { options: res.data.filter((o) => o.id !== excludeId) } : { options: [], error: res.error.message };
    },
    [workspaceId, excludeId],
  );
  const box = useCombobox({
    selected: value,
    search,
    onPick: pick,
    onEdit: () => {
      if (value) onChange(null);
    },
    debounceMs: 150,
  });

  function pick(o: Option) {
    onChange({ id: o.id, name: o.name });
    box.setQuery(o.name);
    box.setOpen(false);
  }

  return (
    <div className="relative">
      <div className="flex gap-1">
        <input id={id} {...aria} {...box.inputProps} className={inputClass} placeholder={placeholder ?? t("pickerPlaceholder")} />
        {value && (
          <button type="button" className="rounded px-2 text-sm text-slate-600 hover:bg-slate-100" onClick={() => onChange(null)} aria-label={t("clearEntity")}>
            ×
          </button>
        )}
      </div>
      {box.open && (
        <ul
          id={box.listId}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA combobox pattern: a list with role listbox
          role="listbox"
          className="absolute z-50 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {box.options.length === 0 && (
            <li role="presentation" className="px-3 py-1.5 text-slate-500">
              {box.error ?? (box.query.trim() ? t("noEntityMatches") : t("typeToSearch"))}
            </li>
          )}
          {box.options.map((o, i) => (
            <li key={o.id} {...box.optionProps(o, i)} className={`cursor-pointer px-3 py-1.5 ${i === box.active ? "bg-blue-50" : ""}`}>
              <span className="font-medium">{o.name}</span> <span className="text-xs text-slate-500">{t(`kind.${o.kind}`)}</span>
              {o.aliases.length > 1 && (
                <span className="block truncate text-xs text-slate-500">{t("also", { aliases: o.aliases.filter((a) => a !== o.name).join(", ") })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
