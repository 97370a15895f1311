"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { searchEntitiesAction } from "@/lib/actions/entities";
import type { EntityKind } from "@/components/entities/labels";
import { useCombobox, type ComboboxResults } from "@/components/ui/use-combobox";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { ClaimFormValues } from "@/lib/validation/schemas";
import { ChipCombobox } from "./chip-combobox";

export type ActorValue = ClaimFormValues["actors"][number];
type EntityOption = { kind: "entity"; id: string; name: string; entityKind: EntityKind; matched?: string };
type Option = EntityOption | { kind: "text"; id: ""; name: string };

const keyOf = (a: ActorValue) => (a.kind === "entity" ? `entity:${a.id}` : `text:${foldForMatch(a.name)}`);

/** Who the claim is about, in order: entities by name or alias, or free text when no entity answers to it. */
export function ActorPicker({
  workspaceId,
  value,
  onChange,
  id,
  ...aria
}: {
  workspaceId: string;
  value: ActorValue[];
  onChange: (v: ActorValue[]) => void;
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const t = useTranslations("reader.actors");
  const tk = useTranslations("entities.kind");
  const chosenKey = value.map(keyOf).join("\n");

  const search = useCallback(
    async (query: string): Promise<ComboboxResults<Option>> => {
      const res = await searchEntitiesAction(workspaceId, query);
      if (!res.ok) return { options: [], error: res.error.message };
      const q = query.trim();
      const folded = foldForMatch(q);
      const taken = new Set(chosenKey.split("\n"));
      const entities: EntityOption[] = res.data.map((e) => ({
        kind: "entity",
        id: e.id,
        name: e.name,
        entityKind: e.kind,
        matched: folded && !foldForMatch(e.name).includes(folded) ? e.aliases.find((a) => foldForMatch(a).includes(folded)) : undefined,
      }));
      // Text that names a listed entity (or a text actor already chosen) would split one actor in two.
      const answered = res.data.some((e) => [e.name, ...e.aliases].some((n) => foldForMatch(n) === folded)) || taken.has(`text:${folded}`);
      const text: Option[] = q && !answered ? [{ kind: "text", id: "", name: q }] : [];
      return { options: [...entities.filter((e) => !taken.has(`entity:${e.id}`)), ...text] };
    },
    [workspaceId, chosenKey],
  );
  const box = useCombobox({ selected: null, search, onPick: pick, debounceMs: 150 });

  function pick(o: Option) {
    const next: ActorValue = o.kind === "entity" ? { kind: "entity", id: o.id, name: o.name } : { kind: "text", id: "", name: o.name };
    if (!value.some((a) => keyOf(a) === keyOf(next))) onChange([...value, next]);
    box.setQuery("");
    box.setOpen(false);
  }

  return (
    <ChipCombobox
      id={id}
      {...aria}
      box={box}
      chips={value.map((a) => ({ key: keyOf(a), name: a.name, dashed: a.kind === "text", title: a.kind === "text" ? t("textTitle") : undefined }))}
      onRemove={(i) => onChange(value.filter((_, k) => k !== i))}
      optionKey={(o) => `${o.kind}-${o.id || o.name}`}
      renderOption={(o) =>
        o.kind === "text" ? (
          <span>{t.rich("useAsText", { name: o.name, note: (chunks) => <span className="text-xs text-slate-500">{chunks}</span> })}</span>
        ) : (
          <span>
            {o.name}
            {o.matched && <span className="text-slate-500"> · “{o.matched}”</span>} <span className="text-xs text-slate-500">{tk(o.entityKind)}</span>
          </span>
        )
      }
      placeholder={t("placeholder")}
    />
  );
}
