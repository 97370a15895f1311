import { createTranslator } from "use-intl/core";
import type { ReanchorWhy } from "@/lib/domain/anchoring";
import type { ParseProblem } from "@/lib/domain/details/problems";
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
  if (!t.has(key)) return null;
  const problems = Object.fromEntries(Object.entries(ref.problems ?? {}).map(([name, p]) => [name, sayProblem(t, p)]));
  return t(key, { ...ref.values, ...problems } as Parameters<typeof t>[1]);
}

/** A parser's reason in the translator's language (catalogue: reader.form.reading.problem.<code>), followed by what explains it. */
export function sayProblem(t: ReturnType<typeof translatorFor>, p: ParseProblem): string {
  const own = t(`reader.form.reading.problem.${p.code}` as Parameters<typeof t>[0], p.values as Parameters<typeof t>[1]);
  return p.more ? `${own} ${sayProblem(t, p.more)}` : own;
}

/**
 * Why a correction put a claim where it is, in the translator's language (catalogue:
 * reader.correction.why.<key>); a quote's change is said as "'before' → 'after'", an empty side
 * in words, and a wrapped reason inside its wrapper.
 */
export function sayReanchorWhy(t: ReturnType<typeof translatorFor>, why: ReanchorWhy): string {
  const values: Record<string, string | number> = { ...why.values };
  if (typeof values.before === "string" && typeof values.after === "string") {
    const side = (s: string) => (s === "" ? t("reader.correction.why.nothing") : `'${s}'`);
    values.change = t("reader.correction.why.change", { before: side(values.before), after: side(values.after) });
  }
  if (why.inner) values.inner = sayReanchorWhy(t, why.inner);
  return t(`reader.correction.why.${why.key}` as Parameters<typeof t>[0], values as Parameters<typeof t>[1]);
}
