"use client";

import { useEffect, useId, useRef, useState } from "react";
import { createEntityAction, searchSpeakersAction } from "@/app/w/[slug]/articles/[id]/actions";
import { inputClass } from "@/components/ui/field";
import type { SpeakerOption } from "@/lib/server/speakers";

type Value = { kind: "entity" | "source"; id: string; name: string } | null;
type Option = SpeakerOption | { kind: "create"; id: string; name: string; entityKind: "PERSON" | "ORGANIZATION" | "COUNTRY"; detail: string; matched?: undefined };

/** Speaker autocomplete over entity names, aliases and sources; diacritic-insensitive; creates inline. */
export function SpeakerCombobox({ workspaceId, value, onChange, id, disabled, ...aria }: { workspaceId: string; value: Value; onChange: (v: Value) => void; id?: string; disabled?: boolean; "aria-describedby"?: string; "aria-invalid"?: boolean }) {
  const [query, setQuery] = useState(value?.name ?? "");
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const seq = useRef(0);

  useEffect(() => setQuery(value?.name ?? ""), [value?.id, value?.name]);

  useEffect(() => {
    if (!open) return;
    const mine = ++seq.current;
    const t = setTimeout(async () => {
      const res = await searchSpeakersAction(workspaceId, query);
      if (mine !== seq.current) return;
      const found: Option[] = res.ok ? res.data : [];
      const q = query.trim();
      const creates: Option[] = q && !found.some((o) => o.name.toLowerCase() === q.toLowerCase())
        ? (["PERSON", "ORGANIZATION", "COUNTRY"] as const).map((k) => ({ kind: "create" as const, id: `create-${k}`, name: q, entityKind: k, detail: `new ${k.toLowerCase()}` }))
        : [];
      setOptions([...found, ...creates]);
      setActive(0);
    }, 120);
    return () => clearTimeout(t);
  }, [query, open, workspaceId]);

  async function pick(o: Option) {
    setError(null);
    if (o.kind === "create") {
      const res = await createEntityAction(workspaceId, { name: o.name, kind: o.entityKind });
      if (!res.ok) return setError(res.error.message);
      onChange({ kind: "entity", id: res.data.id, name: res.data.name });
    } else onChange({ kind: o.kind, id: o.id, name: o.name });
    setOpen(false);
  }

  return (
    <div className="relative">
      <div className="flex gap-1">
        <input
          id={id}
          {...aria}
          disabled={disabled}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          className={inputClass}
          value={query}
          placeholder="Who says it? (person, body, outlet)"
          autoComplete="off"
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            if (value) onChange(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, options.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === "Enter" && open && options[active]) {
              e.preventDefault();
              void pick(options[active]);
            } else if (e.key === "Escape" && open) {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
        {value && (
          <button type="button" className="rounded px-2 text-sm text-slate-600 hover:bg-slate-100" onClick={() => onChange(null)} aria-label="Clear speaker">
            ×
          </button>
        )}
      </div>
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" className="absolute z-30 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {options.map((o, i) => (
            <li
              key={`${o.kind}-${o.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-blue-50" : ""}`}
              onMouseDown={(e) => {
                e.preventDefault();
                void pick(o);
              }}
              onMouseEnter={() => setActive(i)}
            >
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
