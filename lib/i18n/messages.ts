import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import type { Locale } from "@/lib/i18n/locales";

/** The catalogues; English is the reference (the parity test checks vi has the same keys and placeholders). */
export const MESSAGES: Record<Locale, typeof en> = { en, vi };

/** Shared formats: `short` dates are dd/mm/yyyy in Vietnamese (mm/dd/yyyy in US English). */
export const FORMATS = {
  dateTime: {
    short: { day: "2-digit", month: "2-digit", year: "numeric" },
    shortTime: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" },
  },
} as const;
