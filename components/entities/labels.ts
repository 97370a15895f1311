import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ErrorBody } from "@/lib/server/errors";
import type { ENTITY_KINDS, SOURCE_KINDS } from "@/lib/validation/schemas";

export type EntityKind = (typeof ENTITY_KINDS)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Languages offered for aliases ("" = any); any BCP 47 code is accepted by the server. Their names are in the catalogue (entities.language). */
export const ALIAS_LANGUAGES = ["", "vi", "en", "ko", "ru", "zh", "ja", "fr"] as const;

/**
 * Put a failed action's field errors next to their fields (`rename` maps server names to form
 * names); returns the message to show when no field took it.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: ErrorBody,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  rename: Record<string, Path<T>> = {},
): string | null {
  const given = (error.details?.fields ?? {}) as Record<string, string>;
  let placed = false;
  for (const [key, message] of Object.entries(given)) {
    const name = rename[key] ?? (key as Path<T>);
    if (fields.includes(name)) {
      setError(name, { message: error.code === "validation" ? message : error.message });
      placed = true;
    }
  }
  return placed ? null : error.message;
}
