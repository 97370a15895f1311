import { z } from "zod";
import { type TextField, trimmed } from "@/lib/validation/too-long";
import { ENTITY_KINDS, SOURCE_KINDS } from "@/lib/validation/schemas";

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const languageMessage = "Use a language code such as vi, en or ko";

/** Optional text that the form sends as "" when empty; null clears it in the database. */
const clearable = (max: number, field: TextField) =>
  trimmed(max, field)
    .nullable()
    .transform((v) => (v ? v : null));

export const entityNameSchema = trimmed(200, "Name").min(1, "Enter a name");
export const aliasTextSchema = trimmed(200, "Alias").min(1, "Enter an alias");
const aliasLanguageSchema = z
  .string()
  .trim()
  .max(20, "Language can be at most 20 characters")
  .regex(LANGUAGE_TAG, languageMessage)
  .optional()
  .or(z.literal("").transform(() => undefined));

// Read filters come from URLs: bad values fall back to "no filter" rather than failing the page.
export const entityListQuerySchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  kind: z.enum(ENTITY_KINDS).optional().catch(undefined),
  cursor: z.string().uuid().optional().catch(undefined),
});
export type EntityListQuery = z.input<typeof entityListQuerySchema>;

export const sourceListQuerySchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
});

export const updateEntitySchema = z
  .object({
    id: z.string().uuid(),
    name: entityNameSchema.optional(),
    kind: z.enum(ENTITY_KINDS).optional(),
    /** The entity this one speaks for (a spokesman → his government); null clears it. */
    speaksForId: z.string().uuid("speaksForId must be an id").nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.kind !== undefined || v.speaksForId !== undefined, "Change the name, the kind or whom it speaks for");
export type UpdateEntityInput = z.input<typeof updateEntitySchema>;

export const addAliasSchema = z.object({
  entityId: z.string().uuid(),
  alias: aliasTextSchema,
  language: aliasLanguageSchema,
});
export type AddAliasInput = z.input<typeof addAliasSchema>;

export const removeAliasSchema = z.object({ aliasId: z.string().uuid() });

export const mergeEntitiesSchema = z.object({
  sourceId: z.string().uuid("Choose the entity to merge"),
  targetId: z.string().uuid("Choose the entity to merge into"),
});
export type MergeEntitiesInput = z.input<typeof mergeEntitiesSchema>;

export const updateSourceSchema = z.object({
  id: z.string().uuid(),
  name: trimmed(200, "Name").min(1, "Enter a name").optional(),
  kind: z.enum(SOURCE_KINDS).optional(),
  country: clearable(100, "Country").optional(),
  language: clearable(20, "Language")
    .refine((v) => v === null || LANGUAGE_TAG.test(v), languageMessage)
    .optional(),
  upstreamId: z.string().uuid().nullable().optional(),
  entityId: z.string().uuid().nullable().optional(),
});
export type UpdateSourceInput = z.input<typeof updateSourceSchema>;

/** A new source: a name and, like an edit, kind, country, language, the source it relays and its entity. */
export const createSourceSchema = updateSourceSchema.omit({ id: true }).extend({ name: updateSourceSchema.shape.name.unwrap() });
export type CreateSourceInput = z.input<typeof createSourceSchema>;

// Client forms: flat strings, mapped to the service inputs on submit.

export const entityFormSchema = z.object({ name: entityNameSchema, kind: z.enum(ENTITY_KINDS) });
export type EntityFormValues = z.infer<typeof entityFormSchema>;

export const aliasFormSchema = z.object({
  alias: aliasTextSchema,
  language: z
    .string()
    .trim()
    .refine((v) => v === "" || LANGUAGE_TAG.test(v), languageMessage),
});
export type AliasFormValues = z.infer<typeof aliasFormSchema>;

export const sourceFormSchema = z.object({
  name: trimmed(200, "Name").min(1, "Enter a name"),
  kind: z.enum(SOURCE_KINDS),
  country: trimmed(100, "Country"),
  language: z
    .string()
    .trim()
    .refine((v) => v === "" || LANGUAGE_TAG.test(v), languageMessage),
  upstreamId: z.string(),
  entity: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type SourceFormValues = z.infer<typeof sourceFormSchema>;

export function sourceFormToInput(id: string, v: SourceFormValues): UpdateSourceInput {
  return {
    id,
    name: v.name,
    kind: v.kind,
    country: v.country || null,
    language: v.language || null,
    upstreamId: v.upstreamId || null,
    entityId: v.entity?.id ?? null,
  };
}
