"use client";

import { useLocale } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/** The interface language, as a Locale the domain's functions and the phrasebook take. */
export function useUiLocale(): Locale {
  const current = useLocale();
  return isLocale(current) ? current : DEFAULT_LOCALE;
}
