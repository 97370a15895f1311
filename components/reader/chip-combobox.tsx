"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { KeyboardEvent, ReactNode } from "react";
import type { useCombobox } from "@/components/ui/use-combobox";

export type Chip = { key: string; name: string; title?: string; dashed?: boolean };

type Box<T> = ReturnType<typeof useCombobox<T>>;

/**
 * Chosen values as removable chips, in order, followed by a combobox that adds one more.
 * Backspace in the empty input removes the last chip. The open list takes its place in the flow,
 * pushing the following fields down rather than covering them, so the next field stays reachable.
 */
export function ChipCombobox<T>({
  id,
  chips,
  onRemove,
  box,
  optionKey,
  renderOption,
  placeholder,
  note,
  error,
  disabled,
  ...aria
}: {
  id?: string;
  chips: Chip[];
  onRemove: (index: number) => void;
  box: Box<T>;
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  placeholder: string;
  /** A short status line, e.g. that an existing entity was added instead of a duplicate. */
  note?: string | null;
  /** A failed lookup or creation. */
  error?: string | null;
  disabled?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const t = useTranslations("reader.chips");
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Backspace" && box.query === "" && chips.length > 0 && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      onRemove(chips.length - 1);
      return;
    }
    box.inputProps.onKeyDown(e);
  }

  // The list is only rendered when it has options: never point at a list that is not there.
  const listShown = box.open && box.options.length > 0;
  const listAria = { "aria-expanded": listShown, "aria-controls": listShown ? box.listId : undefined };

  return (
    <div>
      <div
        className={clsx(
          "flex flex-wrap items-center gap-1 rounded-md border bg-white px-1.5 py-1 shadow-sm focus-within:border-blue-600 focus-within:ring-2 focus-within:ring-blue-600/30",
          aria["aria-invalid"] ? "border-red-600" : "border-slate-300",
        )}
      >
        {chips.map((c, i) => (
          <span
            key={c.key}
            title={c.title}
            className={clsx(
              "inline-flex max-w-full items-center gap-0.5 rounded-full border py-0.5 pl-2 pr-0.5 text-xs",
              c.dashed ? "border-dashed border-slate-400 bg-white italic text-slate-700" : "border-slate-300 bg-slate-100 text-slate-900",
            )}
            data-testid="chip"
          >
            <span className="truncate">{c.name}</span>
            <button
              type="button"
              className="rounded-full px-1 leading-none text-slate-500 hover:bg-slate-200 hover:text-slate-900"
              onClick={() => onRemove(i)}
              aria-label={t("remove", { name: c.name })}
              disabled={disabled}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          {...aria}
          disabled={disabled}
          {...box.inputProps}
          {...listAria}
          onKeyDown={onKeyDown}
          className="min-w-[8rem] flex-1 border-0 bg-transparent px-1 py-1 text-sm focus:outline-none"
          placeholder={chips.length ? t("addAnother") : placeholder}
        />
      </div>
      {listShown && (
        <ul
          id={box.listId}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA combobox pattern: a list with role listbox
          role="listbox"
          className="mt-1 max-h-56 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {box.options.map((o, i) => (
            <li key={optionKey(o)} {...box.optionProps(o, i)} className={clsx("cursor-pointer px-3 py-1.5", i === box.active && "bg-blue-50")}>
              {renderOption(o)}
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p className="mt-1 text-xs text-slate-600" role="status">
          {note}
        </p>
      )}
      {(error ?? box.error) && (
        <p className="mt-1 text-sm text-red-700" role="alert">
          {error ?? box.error}
        </p>
      )}
    </div>
  );
}
