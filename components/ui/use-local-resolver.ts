"use client";

import { useCallback } from "react";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { useUiLocale } from "@/components/i18n/use-ui-locale";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { phrase } from "@/lib/i18n/phrasebook";

/** Every `message` of a form's errors (nested fields and arrays too) in `locale`. */
export function translateFieldErrors<T extends FieldValues>(errors: FieldErrors<T>, locale: Locale): FieldErrors<T> {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== "object") return node;
    // A field's error carries a DOM `ref`: copied as it is, never walked into.
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === "message" && typeof v === "string" ? phrase(locale, v) : k === "ref" ? v : walk(v)]),
    );
  };
  return walk(errors) as FieldErrors<T>;
}

/**
 * A form resolver whose messages follow the interface language: the schemas write their rules'
 * messages in English, and the phrasebook gives them in the reader's language (the same words the
 * API answers with). Use as `resolver: useLocalResolver(zodResolver(schema))`.
 */
export function useLocalResolver<T extends FieldValues, C, O>(resolver: Resolver<T, C, O>): Resolver<T, C, O> {
  const locale = useUiLocale();
  if (locale === DEFAULT_LOCALE) return resolver;
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    return { ...result, errors: translateFieldErrors(result.errors, locale) } as Awaited<ReturnType<Resolver<T, C, O>>>;
  };
}

/** An English service or domain message (one the phrasebook knows) in the interface language; others as they are. */
export function usePhrase(): (message: string) => string {
  const locale = useUiLocale();
  return useCallback((message: string) => phrase(locale, message), [locale]);
}
