"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { searchSpeakersAction } from "@/lib/actions/annotations";
import { createEntityAction } from "@/lib/actions/entities";
import { useCombobox, type ComboboxResults } from "@/components/ui/use-combobox";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { SpeakerOption } from "@/lib/server/speakers";
import type { PickedRef } from "@/lib/validation/schemas";
import { ChipCombobox } from "./chip-combobox";

type EntityKind = "PERSON" | "ORGANIZATION" | "COUNTRY";
type Option = SpeakerOption | { kind: "create"; id: string; name: string; entityKind: EntityKind; detail: string; matched?: undefined };
type Existing = { id: string; name: string };

const CREATE_KINDS: EntityKind[] = ["PERSON", "ORGANIZATION", "COUNTRY"];

/**
 * Who says the claim, in order: entities (by name or any alias) and sources, diacritic-insensitive.
 * Creates an entity inline only for a name that no listed option already answers to.
 */
export function SpeakersPicker({
  workspaceId,
  value,
  onChange,
  id,
  disabled,
  track,
  ...aria
}: {
  workspaceId: string;
  value: PickedRef[];
  onChange: (v: PickedRef[]) => void;
  id?: string;
  disabled?: boolean;
  /** Told of every pick still in flight (creating an entity), so a save can wait for it. */
  track?: (pending: Promise<unknown>) => void;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const t = useTranslations("reader.speakers");
  const tk = useTranslations("search.item.entityKind");
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const chosen = new Set(value.map((v) => `${v.kind}:${v.id}`));
  const chosenKey = [...chosen].join(",");

  const search = useCallback(
    async (query: string): Promise<ComboboxResults<Option>> => {
      const res = await searchSpeakersAction(workspaceId, query);
      if (!res.ok) return { options: [], error: res.error.message };
      const q = query.trim();
      const folded = foldForMatch(q);
      const answered = res.data.some((o) => foldForMatch(o.name) === folded || (o.matched !== undefined && foldForMatch(o.matched) === folded));
      const creates: Option[] =
        q && !answered ? CREATE_KINDS.map((k) => ({ kind: "create" as const, id: `create-${k}`, name: q, entityKind: k, detail: k.toLowerCase() })) : [];
      const taken = new Set(chosenKey.split(","));
      return { options: [...res.data.filter((o) => !taken.has(`${o.kind}:${o.id}`)), ...creates] };
    },
    [workspaceId, chosenKey],
  );
  const box = useCombobox({
    selected: null,
    search,
    onPick: (o: Option) => {
      const pending = pick(o);
      track?.(pending);
      return pending;
    },
    debounceMs: 120,
  });

  function add(ref: PickedRef) {
    if (!chosen.has(`${ref.kind}:${ref.id}`)) onChange([...value, ref]);
  }

  async function pick(o: Option) {
    setError(null);
    setNote(null);
    if (o.kind === "create") {
      const res = await createEntityAction(workspaceId, { name: o.name, kind: o.entityKind });
      if (res.ok) add({ kind: "entity", id: res.data.id, name: res.data.name });
      else {
        const existing = (res.error.details as { existing?: Existing } | undefined)?.existing;
        if (!existing) return setError(res.error.message);
        // Someone already named it (maybe by an alias): use that entity rather than a duplicate.
        add({ kind: "entity", id: existing.id, name: existing.name });
        setNote(t("alreadyNamed", { name: o.name, existing: existing.name }));
      }
    } else add({ kind: o.kind, id: o.id, name: o.name });
    box.setQuery("");
    box.setOpen(false);
  }

  return (
    <ChipCombobox
      id={id}
      {...aria}
      disabled={disabled}
      box={box}
      chips={value.map((v) => ({ key: `${v.kind}:${v.id}`, name: v.name, title: v.kind === "source" ? t("sourceTitle") : undefined }))}
      onRemove={(i) => onChange(value.filter((_, k) => k !== i))}
      optionKey={(o) => `${o.kind}-${o.id}`}
      renderOption={(o) =>
        o.kind === "create" ? (
          <span>
            {t.rich("create", {
              name: o.name,
              kind: tk(o.entityKind),
              note: (chunks) => <span className="text-xs text-slate-500">{chunks}</span>,
            })}
          </span>
        ) : (
          <span>
            {o.name}
            {o.matched && <span className="text-slate-500"> · “{o.matched}”</span>} <span className="text-xs text-slate-500">{o.detail}</span>
          </span>
        )
      }
      placeholder={t("placeholder")}
      note={note}
      error={error}
    />
  );
}
