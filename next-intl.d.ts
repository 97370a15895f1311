import type en from "./messages/en.json";
import type { Locale } from "./lib/i18n/locales";

// Typed catalogue keys: a t("…") call naming a key English does not have fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
