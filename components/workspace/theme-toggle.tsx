"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { applyTheme, storedTheme, type ThemeChoice } from "./theme";

const CHOICES: ThemeChoice[] = ["light", "dark", "system"];

const isChoice = (v: string): v is ThemeChoice => CHOICES.some((c) => c === v);

/** The stored choice, read after mount (the server cannot know it); choosing applies and remembers it. */
function useThemeChoice() {
  const [choice, setChoice] = useState<ThemeChoice>("system");
  useEffect(() => setChoice(storedTheme()), []);
  const choose = (next: string) => {
    if (!isChoice(next)) return;
    setChoice(next);
    applyTheme(next);
  };
  return [choice, choose] as const;
}

/** Light / dark / system as a select, for the Menu sheet; the inline script in app/layout.tsx applies it before paint. */
export function ThemeToggle({ id = "theme-toggle", className }: { id?: string; className?: string }) {
  const [choice, choose] = useThemeChoice();
  const t = useTranslations("theme");
  return (
    <span className={className}>
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        value={choice}
        onChange={(e) => choose(e.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800"
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(c)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The same choice behind an icon button, for the inline header, where a select's width does not fit. */
export function ThemeMenu() {
  const [choice, choose] = useThemeChoice();
  const t = useTranslations("theme");
  const item = "flex items-center gap-2 rounded px-3 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100";
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={t("label")}
        className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <ThemeIcon choice={choice} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-36 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.RadioGroup value={choice} onValueChange={choose}>
            {CHOICES.map((c) => (
              <DropdownMenu.RadioItem key={c} value={c} className={item}>
                <ThemeIcon choice={c} />
                {t(c)}
                <DropdownMenu.ItemIndicator className="ml-auto text-blue-700" aria-hidden>
                  ✓
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
      {choice === "light" && (
        <path d="M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5ZM8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
      )}
      {choice === "dark" && <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7Z" />}
      {choice === "system" && <path d="M2 3.5h12v8H2zM6 14h4M8 11.5V14" />}
    </svg>
  );
}
