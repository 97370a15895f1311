import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { FORMATS, MESSAGES } from "@/lib/i18n/messages";

/** A translator outside React (API answers, action errors), for one locale. */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], formats: FORMATS });
}

/** The text of a message reference; a key missing from the catalogue gives null, never a throw. */
export function translateRef(locale: Locale, ref: MessageRef): string | null {
  const t = translatorFor(locale);
  // Keys are checked at run time here: refs come from services, not from literal keys.
  const key = ref.key as Parameters<typeof t>[0];
  return t.has(key) ? t(key, ref.values as Parameters<typeof t>[1]) : null;
}
