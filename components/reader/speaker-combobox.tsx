"use client";

import { useCallback, useState } from "react";
import { createEntityAction, searchSpeakersAction } from "@/app/w/[slug]/articles/[id]/actions";
import { inputClass } from "@/components/ui/field";
import { useCombobox, type ComboboxResults } from "@/components/ui/use-combobox";
import type { SpeakerOption } from "@/lib/server/speakers";

type Value = { kind: "entity" | "source"; id: string; name: string } | null;
type Option = SpeakerOption | { kind: "create"; id: string; name: string; entityKind: "PERSON" | "ORGANIZATION" | "COUNTRY"; detail: string; matched?: undefined };

/** Speaker autocomplete over entity names, aliases and sources; diacritic-insensitive; creates inline. */
export function SpeakerCombobox({ workspaceId, value, onChange, id, disabled, ...aria }: { workspaceId: string; value: Value; onChange: (v: Value) => void; id?: string; disabled?: boolean; "aria-describedby"?: string; "aria-invalid"?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const search = useCallback(
    async (query: string): Promise<ComboboxResults<Option>> => {
      const res = await searchSpeakersAction(workspaceId, query);
      const found: Option[] = res.ok ? res.data : [];
      const q = query.trim();
      const creates: Option[] = q && !found.some((o) => o.name.toLowerCase() === q.toLowerCase())
        ? (["PERSON", "ORGANIZATION", "COUNTRY"] as const).map((k) => ({ kind: "create" as const, id: `create-${k}`, name: q, entityKind: k, detail: `new ${k.toLowerCase()}` }))
        : [];
      return { options: [...found, ...creates] };
    },
    [workspaceId],
  );
  const box = useCombobox({ selected: value, search, onPick: pick, onEdit: () => { if (value) onChange(null); }, debounceMs: 120 });

  async function pick(o: Option) {
    setError(null);
    if (o.kind === "create") {
      const res = await createEntityAction(workspaceId, { name: o.name, kind: o.entityKind });
      if (!res.ok) return setError(res.error.message);
      onChange({ kind: "entity", id: res.data.id, name: res.data.name });
    } else onChange({ kind: o.kind, id: o.id, name: o.name });
    box.setOpen(false);
  }

  return (
    <div className="relative">
      <div className="flex gap-1">
        <input
          id={id}
          {...aria}
          disabled={disabled}
          {...box.inputProps}
          className={inputClass}
          placeholder="Who says it? (person, body, outlet)"
        />
        {value && (
          <button type="button" className="rounded px-2 text-sm text-slate-600 hover:bg-slate-100" onClick={() => onChange(null)} aria-label="Clear speaker">
            ×
          </button>
        )}
      </div>
      {box.open && box.options.length > 0 && (
        <ul id={box.listId} role="listbox" className="absolute z-30 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {box.options.map((o, i) => (
            <li key={`${o.kind}-${o.id}`} {...box.optionProps(o, i)} className={`cursor-pointer px-3 py-1.5 ${i === box.active ? "bg-blue-50" : ""}`}>
              {o.kind === "create" ? (
                <span>Create “{o.name}” <span className="text-xs text-slate-500">({o.detail})</span></span>
              ) : (
                <span>
                  {o.name}
                  {o.matched && <span className="text-slate-500"> · “{o.matched}”</span>} <span className="text-xs text-slate-500">{o.detail}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <p className="mt-1 text-sm text-red-700" role="alert">{error}</p>}
    </div>
  );
}
