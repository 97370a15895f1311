"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { setLocaleAction } from "@/lib/actions/locale";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

/** The account's language: one of ours, or the browser's (saved as no setting). */
export function LanguageSetting({ saved }: { saved: Locale | null }) {
  const t = useTranslations("account.language");
  const tl = useTranslations("locale");
  const router = useRouter();
  const [value, setValue] = useState<string>(saved ?? "browser");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <fieldset className="flex flex-col gap-2 text-sm" disabled={pending}>
      <legend className="mb-1 font-medium">{t("legend")}</legend>
      {(["browser", ...LOCALES] as const).map((option) => (
        <label key={option} className="flex items-center gap-2">
          <input
            type="radio"
            name="account-language"
            value={option}
            checked={value === option}
            onChange={() => {
              setValue(option);
              setError(null);
              startTransition(async () => {
                const res = await setLocaleAction(option === "browser" ? null : option);
                if (res.ok) router.refresh();
                else setError(res.error.message);
              });
            }}
          />
          {option === "browser" ? t("browser") : <span lang={option}>{tl(`name.${option}`)}</span>}
        </label>
      ))}
      {error && <Alert>{error}</Alert>}
    </fieldset>
  );
}
