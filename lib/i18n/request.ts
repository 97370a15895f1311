import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request-locale";
import { FORMATS, MESSAGES } from "@/lib/i18n/messages";

// next-intl's per-request configuration (next.config.ts points the plugin here). URLs carry no
// locale: the language comes from the user, the cookie or Accept-Language (request-locale.ts).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: MESSAGES[locale],
    formats: FORMATS,
    // The server's zone, passed to the client provider too, so server and client dates agree.
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
});
