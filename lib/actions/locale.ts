"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { currentUserId } from "@/lib/auth/session";
import { type ActionResult, runAction } from "@/lib/server/action";
import { AppError } from "@/lib/server/errors";
import { setUserLocale } from "@/lib/server/users";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Switch the interface language: a signed-in user's choice is saved on the account (it follows
 * them to other browsers), and the cookie carries it on this browser, signed in or out. `null`
 * clears both: the language follows the browser's Accept-Language again.
 */
export async function setLocaleAction(locale: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    if (locale !== null && !isLocale(locale))
      throw new AppError("validation", "Choose English or Vietnamese", { fields: { locale: "Choose English or Vietnamese" } }, { key: "errors.badLocale" });
    const userId = await currentUserId();
    if (userId) await setUserLocale(userId, locale);
    const jar = await cookies();
    if (locale === null) jar.delete(LOCALE_COOKIE);
    else jar.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: YEAR_SECONDS, httpOnly: true });
    revalidatePath("/", "layout");
    return null;
  });
}
