"use client";

import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent, type MouseEvent } from "react";

export type ComboboxResults<T> = { options: T[]; error?: string };

/**
 * State and ARIA wiring of a search-as-you-type combobox (WAI-ARIA pattern with aria-activedescendant).
 * `search` must be stable (useCallback): a new function re-runs the search. Answers that arrive after a newer
 * query started are dropped. The input text follows `selected` whenever its id or name changes.
 */
export function useCombobox<T>({
  selected,
  search,
  onPick,
  onEdit,
  debounceMs,
}: {
  selected: { id: string; name: string } | null;
  search: (query: string) => Promise<ComboboxResults<T>>;
  onPick: (option: T) => void | Promise<void>;
  /** Called after each keystroke that changes the text, e.g. to clear the selection. */
  onEdit?: () => void;
  /** Delay between the last keystroke and the search, in milliseconds. */
  debounceMs: number;
}) {
  const [query, setQuery] = useState(selected?.name ?? "");
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const seq = useRef(0);

  // Show the selected value; when typing is what cleared it, keep what was typed.
  const typedRef = useRef(false);
  useEffect(() => {
    if (selected) setQuery(selected.name);
    else if (!typedRef.current) setQuery("");
    typedRef.current = false;
  }, [selected?.id, selected?.name]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!open) return;
    const mine = ++seq.current;
    const t = setTimeout(async () => {
      const res = await search(query);
      if (mine !== seq.current) return;
      setError(res.error ?? null);
      setOptions(res.options);
      setActive(0);
    }, debounceMs);
    return () => clearTimeout(t);
  }, [query, open, search, debounceMs]);

  const optionId = (i: number) => `${listId}-${i}`;

  const inputProps = {
    role: "combobox",
    "aria-expanded": open,
    "aria-controls": listId,
    "aria-autocomplete": "list",
    "aria-activedescendant": open && options[active] ? optionId(active) : undefined,
    value: query,
    autoComplete: "off",
    onFocus: () => setOpen(true),
    // Late enough for a click on an option to land first.
    onBlur: () => setTimeout(() => setOpen(false), 150),
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setQuery(e.target.value);
      setOpen(true);
      if (selected) typedRef.current = true;
      onEdit?.();
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        setOpen(true);
        setActive((a) => Math.min(a + 1, options.length - 1));
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
      } else if (e.key === "Enter" && open && options[active]) {
        e.preventDefault();
        void onPick(options[active]);
      } else if (e.key === "Escape" && open) {
        // Keep an enclosing dialog open: Escape only closes the list.
        e.stopPropagation();
        setOpen(false);
      }
    },
  } as const;

  const optionProps = (option: T, i: number) =>
    ({
      id: optionId(i),
      role: "option",
      "aria-selected": i === active,
      onMouseDown: (e: MouseEvent) => {
        // Keep focus in the input so its blur does not close the list before the pick.
        e.preventDefault();
        void onPick(option);
      },
      onMouseEnter: () => setActive(i),
    }) as const;

  return { query, setQuery, options, open, setOpen, active, error, listId, inputProps, optionProps };
}
