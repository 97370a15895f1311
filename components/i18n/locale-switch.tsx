"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { setLocaleAction } from "@/lib/actions/locale";
import { LOCALES } from "@/lib/i18n/locales";

/** The header's language switch; each language is named in itself, so anyone can find theirs. */
/** `short`: the options read "EN"/"VI" (the header, where width is scarce); full names otherwise. */
export function LocaleSwitch({ className, short = false }: { className?: string; short?: boolean }) {
  const t = useTranslations("locale");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <span className={className}>
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        data-testid="locale-switch"
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            const res = await setLocaleAction(next);
            if (res.ok) router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {short ? l.toUpperCase() : t(`name.${l}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
