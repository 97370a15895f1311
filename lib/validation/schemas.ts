import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_NOTE_CHARS = 5000;
export const MAX_PASTE_CHARS = 2_000_000;

export const MODALITIES = ["ASSERTED", "REPORTED", "ALLEGED", "DENIED", "SPECULATIVE", "FORECAST"] as const;
export type ModalityValue = (typeof MODALITIES)[number];
export const SOURCE_KINDS = ["OUTLET", "WIRE_AGENCY", "STATE_MEDIA", "GOVERNMENT", "PERSON", "OTHER"] as const;
export const ENTITY_KINDS = ["PERSON", "COUNTRY", "ORGANIZATION", "PLACE", "WEAPON_SYSTEM", "OTHER"] as const;

const trimmed = (max: number, label: string) =>
  z.string().trim().max(max, `${label} can be at most ${max} characters`);

export const signUpSchema = z.object({
  name: trimmed(100, "Name").min(1, "Enter your name"),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(200),
  password: z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters"),
});
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});

export const workspaceSchema = z.object({ name: trimmed(100, "Name").min(1, "Give the workspace a name") });
export const memberSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  role: z.enum(ROLES),
});

export const importArticleSchema = z.object({
  text: z
    .string()
    .max(MAX_PASTE_CHARS, `Text can be at most ${MAX_PASTE_CHARS.toLocaleString("en")} characters`)
    .refine((t) => t.trim().length > 0, "The text is empty: paste an article or choose a file"),
  fileName: z.string().max(255).optional(),
  title: trimmed(300, "Title").min(1, "Give the article a title"),
  publishedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format yyyy-mm-dd")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  publisher: trimmed(200, "Publisher").optional(),
  origins: z.array(trimmed(200, "Origin").min(1)).max(20, "At most 20 origins").default([]),
  byline: trimmed(200, "Byline").optional(),
  url: z.string().trim().url("Enter a full URL starting with http:// or https://").max(2000).optional().or(z.literal("").transform(() => undefined)),
  language: z.enum(["vi", "en"]).optional().or(z.literal("").transform(() => undefined)),
});
export type ImportArticleInput = z.input<typeof importArticleSchema>;

export const claimFieldsSchema = z
  .object({
    date: trimmed(100, "Date").optional(),
    quantity: trimmed(100, "Quantity").optional(),
    item: trimmed(200, "Item").optional(),
  })
  .strict();

const speakerSchema = z
  .object({
    entityId: z.string().uuid().optional(),
    sourceId: z.string().uuid().optional(),
  })
  .refine((s) => !(s.entityId && s.sourceId), "A speaker is either an entity or a source, not both")
  .optional();

export const claimDetailsSchema = z.object({
  claimTypeId: z.string().uuid("Choose a claim type"),
  speaker: speakerSchema,
  modality: z.enum(MODALITIES),
  actors: z.array(trimmed(200, "Actor").min(1)).max(20, "At most 20 actors").default([]),
  fields: claimFieldsSchema.default({}),
  note: trimmed(MAX_NOTE_CHARS, "Note").optional(),
});

export const createAnnotationSchema = claimDetailsSchema.extend({
  passageId: z.string().uuid(),
  start: z.number().int().min(0, "start must be 0 or more"),
  end: z.number().int().min(1, "end must be 1 or more"),
  exact: z.string().max(20_000).optional(),
});
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;

export const updateAnnotationSchema = claimDetailsSchema.extend({
  id: z.string().uuid(),
  version: z.number().int().min(1),
});
export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;

export const createEntitySchema = z.object({
  name: trimmed(200, "Name").min(1, "Enter a name"),
  kind: z.enum(ENTITY_KINDS).default("OTHER"),
});

export const claimTypeSchema = z.object({
  id: z.string().uuid().optional(),
  label: trimmed(60, "Label").min(1, "Enter a label"),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1f77b4"),
  shortcut: z.number().int().min(1).max(9).nullable(),
});

/** The claim side panel's form: flat strings, mapped to claimDetailsSchema on submit. */
export const claimFormSchema = z.object({
  claimTypeId: z.string().min(1, "Choose a claim type (keys 1–9)"),
  speaker: z.object({ kind: z.enum(["entity", "source"]), id: z.string(), name: z.string() }).nullable(),
  modality: z.enum(MODALITIES),
  date: trimmed(100, "Date"),
  quantity: trimmed(100, "Quantity"),
  item: trimmed(200, "Item"),
  actors: trimmed(1000, "Actors"),
  note: trimmed(MAX_NOTE_CHARS, "Note"),
});
export type ClaimFormValues = z.infer<typeof claimFormSchema>;

export function claimFormToDetails(v: ClaimFormValues) {
  return {
    claimTypeId: v.claimTypeId,
    speaker: v.speaker ? (v.speaker.kind === "entity" ? { entityId: v.speaker.id } : { sourceId: v.speaker.id }) : undefined,
    modality: v.modality,
    actors: v.actors.split(/[,;]/).map((a) => a.trim()).filter(Boolean),
    fields: { date: v.date || undefined, quantity: v.quantity || undefined, item: v.item || undefined },
    note: v.note || undefined,
  };
}
