"use client";

import { useEffect, useId, useRef, useState } from "react";
import { searchEntitiesAction } from "@/app/w/[slug]/entities/actions";
import { inputClass } from "@/components/ui/field";
import { ENTITY_KIND_LABELS } from "./labels";

export type PickedEntity = { id: string; name: string } | null;
type Option = { id: string; name: string; kind: keyof typeof ENTITY_KIND_LABELS; aliases: string[] };

/** Search select over entity names and aliases (diacritic-insensitive); `excludeId` is never offered. */
export function EntityPicker({
  workspaceId,
  value,
  onChange,
  excludeId,
  placeholder = "Search entities by name or alias…",
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
  const [query, setQuery] = useState(value?.name ?? "");
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const listId = useId();
  const seq = useRef(0);

  useEffect(() => setQuery(value?.name ?? ""), [value?.id, value?.name]);

  useEffect(() => {
    if (!open) return;
    const mine = ++seq.current;
    const t = setTimeout(async () => {
      const res = await searchEntitiesAction(workspaceId, query);
      if (mine !== seq.current) return;
      setFailed(res.ok ? null : res.error.message);
      setOptions(res.ok ? res.data.filter((o) => o.id !== excludeId) : []);
      setActive(0);
    }, 150);
    return () => clearTimeout(t);
  }, [query, open, workspaceId, excludeId]);

  function pick(o: Option) {
    onChange({ id: o.id, name: o.name });
    setQuery(o.name);
    setOpen(false);
  }

  return (
    <div className="relative">
      <div className="flex gap-1">
        <input
          id={id}
          {...aria}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          className={inputClass}
          value={query}
          placeholder={placeholder}
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
              pick(options[active]);
            } else if (e.key === "Escape" && open) {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
        {value && (
          <button type="button" className="rounded px-2 text-sm text-slate-600 hover:bg-slate-100" onClick={() => onChange(null)} aria-label="Clear entity">
            ×
          </button>
        )}
      </div>
      {open && (
        <ul id={listId} role="listbox" className="absolute z-50 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {options.length === 0 && (
            <li role="presentation" className="px-3 py-1.5 text-slate-500">{failed ?? (query.trim() ? "No entity matches" : "Type to search")}</li>
          )}
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-blue-50" : ""}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="font-medium">{o.name}</span> <span className="text-xs text-slate-500">{ENTITY_KIND_LABELS[o.kind]}</span>
              {o.aliases.length > 1 && <span className="block truncate text-xs text-slate-500">also: {o.aliases.filter((a) => a !== o.name).join(", ")}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
