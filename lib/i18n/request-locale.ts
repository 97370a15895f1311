import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { currentUserId } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale, negotiateLocale } from "@/lib/i18n/locales";
import { userLocale } from "@/lib/server/users";

/**
 * This request's interface language: the signed-in user's setting, else the visitor's cookie
 * (the signed-out switch), else the browser's Accept-Language, else English. Once per render.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const userId = await currentUserId().catch(() => null);
  const own = userId ? await userLocale(userId).catch(() => null) : null;
  if (own) return own;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
});

/** The same, or English outside a request (tests and scripts calling actions directly have no headers). */
export async function requestLocaleOrDefault(): Promise<Locale> {
  return requestLocale().catch(() => DEFAULT_LOCALE);
}
