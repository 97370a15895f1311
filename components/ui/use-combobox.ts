"use client";

import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent, type MouseEvent } from "react";

export type ComboboxResults<T> = { options: T[]; error?: string };

/**
 * State and ARIA wiring of a search-as-you-type combobox (WAI-ARIA pattern with aria-activedescendant).
 * `search` must be stable (useCallback): a new function re-runs the search. Answers that arrive after a newer
 * query started are dropped. The input text follows `selected` whenever its id or name changes.
 *
 * No option is active until the user moves to one (arrow keys or the pointer), and a new result list starts
 * with none active: Enter picks only what the user chose, and Enter with Ctrl/Meta/Alt/Shift is left to the
 * enclosing form (Ctrl+Enter saves it), so opening a list can never decide a value on its own.
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
  const [open, setOpenState] = useState(false);
  /** Index of the option the user moved to; -1 while they have not chosen one. */
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const seq = useRef(0);
  // Whether the input has focus: a list answering after it lost focus is not shown. Opening then
  // would grow the form in the flow while the pointer is down on another control (Save, say), and
  // move that control from under it before the button is released, so the click is lost.
  const focused = useRef(false);

  const setOpen = useCallback((next: boolean) => {
    setOpenState(next);
    if (!next) setActive(-1);
  }, []);

  // Show the selected value; when typing is what cleared it, keep what was typed.
  const typedRef = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the selection's identity and name, not a new object with the same values
  useEffect(() => {
    if (selected) setQuery(selected.name);
    else if (!typedRef.current) setQuery("");
    typedRef.current = false;
  }, [selected?.id, selected?.name]);

  useEffect(() => {
    if (!open) return;
    const mine = ++seq.current;
    const t = setTimeout(async () => {
      const res = await search(query);
      if (mine !== seq.current || !focused.current) return;
      setError(res.error ?? null);
      setOptions(res.options);
      setActive(-1);
    }, debounceMs);
    return () => clearTimeout(t);
  }, [query, open, search, debounceMs]);

  const optionId = (i: number) => `${listId}-${i}`;
  const activeOption = open && active >= 0 && active < options.length ? options[active] : undefined;

  const inputProps = {
    role: "combobox",
    "aria-expanded": open,
    "aria-controls": listId,
    "aria-autocomplete": "list",
    "aria-activedescendant": activeOption !== undefined ? optionId(active) : undefined,
    value: query,
    autoComplete: "off",
    onFocus: () => {
      focused.current = true;
      setOpen(true);
    },
    // A click into an already focused input (after a pick closed the list) opens it again.
    onClick: () => setOpenState(true),
    // Late enough for a click on an option to land first.
    onBlur: () => {
      focused.current = false;
      setTimeout(() => setOpen(false), 150);
    },
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setQuery(e.target.value);
      setOpenState(true);
      // The highlighted option belonged to the old text.
      setActive(-1);
      if (selected) typedRef.current = true;
      onEdit?.();
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      const modified = e.ctrlKey || e.metaKey || e.altKey || e.shiftKey;
      if (e.key === "ArrowDown" && !modified) {
        e.preventDefault();
        if (!open) return setOpenState(true);
        setActive((a) => Math.min(a + 1, options.length - 1));
      } else if (e.key === "ArrowUp" && !modified) {
        e.preventDefault();
        // From the first option back to the text; from the text to the last option.
        setActive((a) => (a === -1 ? options.length - 1 : a - 1));
      } else if (e.key === "Enter" && !modified && open) {
        // With the list open, Enter is about the list: it never submits the form by accident.
        if (options.length > 0) e.preventDefault();
        if (activeOption !== undefined) void onPick(activeOption);
      } else if (e.key === "Escape" && open) {
        // Keep an enclosing dialog or form open: Escape only closes the list.
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
      // Movement, not an option sliding under a resting pointer, makes it active.
      onMouseMove: () => {
        if (i !== active) setActive(i);
      },
    }) as const;

  return { query, setQuery, options, open, setOpen, active, error, listId, inputProps, optionProps };
}
