import { z } from "zod";
import { trimmed } from "@/lib/validation/too-long";
import { ROLES } from "@/lib/domain/roles";
import { calendarDateSchema, httpUrlSchema } from "@/lib/validation/articles";
import { dbInt, versionSchema } from "@/lib/validation/numbers";
import { newPasswordSchema } from "@/lib/validation/passwords";
import { storableText } from "@/lib/validation/text-guard";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_NOTE_CHARS = 5000;
export const MAX_PASTE_CHARS = 2_000_000;

import { ENTITY_KINDS, MODALITIES, SOURCE_KINDS } from "@/lib/domain/vocabulary";

export { ENTITY_KINDS, MODALITIES, SOURCE_KINDS };
export type ModalityValue = (typeof MODALITIES)[number];

// Sign-up, sign-in and the workspace form are parsed outside the API and workspaceAction choke
// points (which walk every input string), so they refuse NUL and lone surrogates themselves.
export const signUpSchema = z.object({
  name: trimmed(100, "Name").min(1, "Enter your name").superRefine(storableText),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(200).superRefine(storableText),
  password: newPasswordSchema,
});
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").superRefine(storableText),
  password: z.string().min(1, "Enter your password").superRefine(storableText),
});
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").superRefine(storableText),
    newPassword: newPasswordSchema,
  })
  .refine((d) => d.newPassword !== d.currentPassword, { path: ["newPassword"], message: "Choose a password other than the current one" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** Sign out one of the user's other devices: which, and the password again (ASVS 4.0.3 V3.3.4). */
export const endOtherSessionSchema = z.object({
  sessionId: z.uuid("Choose a session from the list"),
  currentPassword: z
    .string()
    .min(1, "Enter your password to sign out another device")
    .max(1024, "A password is at most 1,024 characters")
    .superRefine(storableText),
});
export type EndOtherSessionInput = z.input<typeof endOtherSessionSchema>;

export const workspaceSchema = z.object({ name: trimmed(100, "Name").min(1, "Give the workspace a name").superRefine(storableText) });
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
  // "" (a cleared form field) means no date; anything else must be a real calendar date.
  publishedAt: z
    .string()
    .transform((v) => v || undefined)
    .pipe(calendarDateSchema.optional())
    .optional(),
  publisher: trimmed(200, "Publisher").optional(),
  origins: z.array(trimmed(200, "Origin").min(1)).max(20, "At most 20 origins").default([]),
  byline: trimmed(200, "Byline").optional(),
  url: z
    .string()
    .transform((v) => v.trim() || undefined)
    .pipe(httpUrlSchema.optional())
    .optional(),
  language: z
    .enum(["vi", "en"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type ImportArticleInput = z.input<typeof importArticleSchema>;

export const MAX_SPEAKERS = 10;
export const MAX_ACTORS = 20;
export const MAX_QUANTITY_ITEMS = 20;

export const quantityItemSchema = z
  .object({
    value: trimmed(100, "Quantity").min(1, "Write the count, e.g. 5, 1.000, năm or five"),
    item: trimmed(200, "Item").optional(),
  })
  .strict();

export const claimFieldsSchema = z
  .object({
    date: trimmed(100, "Date").optional(),
    quantities: z.array(quantityItemSchema).max(MAX_QUANTITY_ITEMS, `At most ${MAX_QUANTITY_ITEMS} quantity items`).optional(),
    item: trimmed(200, "Item").optional(),
  })
  .strict();

/** One speaker: exactly one of an entity or a source of this workspace. */
export const speakerRefSchema = z
  .object({
    entityId: z.string().uuid("entityId must be an id").optional(),
    sourceId: z.string().uuid("sourceId must be an id").optional(),
  })
  .strict()
  .refine((s) => Boolean(s.entityId) !== Boolean(s.sourceId), "A speaker is either an entity or a source: give exactly one of entityId and sourceId");

export const claimDetailsSchema = z.object({
  claimTypeId: z.string().uuid("Choose a claim type"),
  /** Who says it, in order; each is an independent origin of the claim. Empty: nobody named. */
  speakers: z
    .array(speakerRefSchema)
    .max(MAX_SPEAKERS, `At most ${MAX_SPEAKERS} speakers`)
    .refine((xs) => new Set(xs.map((x) => x.entityId ?? x.sourceId)).size === xs.length, "The same speaker is listed twice")
    .default([]),
  modality: z.enum(MODALITIES),
  /** Actors that are entities of this workspace, in order. */
  actorEntityIds: z
    .array(z.string().uuid("actorEntityIds must be ids"))
    .max(MAX_ACTORS, `At most ${MAX_ACTORS} actors`)
    .refine((xs) => new Set(xs).size === xs.length, "The same actor is listed twice")
    .default([]),
  /** Actors named in free text, when no entity fits; matched to entity aliases when compared. */
  actors: z.array(trimmed(200, "Actor").min(1)).max(MAX_ACTORS, `At most ${MAX_ACTORS} actors`).default([]),
  fields: claimFieldsSchema.default({}),
  note: trimmed(MAX_NOTE_CHARS, "Note").optional(),
});

export const createAnnotationSchema = claimDetailsSchema.extend({
  passageId: z.string().uuid(),
  start: dbInt("start", 0).describe("Code points into the passage's NFC text"),
  end: dbInt("end", 1),
  exact: z.string().max(20_000).optional(),
  /** The annotation session the claim is made in; omitted: the one running session (if exactly one) that assigns this article to the author; null: none. */
  sessionId: z.string().uuid("sessionId must be a session id").nullable().optional(),
});
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;

export const updateAnnotationSchema = claimDetailsSchema.extend({
  id: z.string().uuid(),
  version: versionSchema,
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

const pickedSchema = z.object({ kind: z.enum(["entity", "source"]), id: z.string(), name: z.string() });
export type PickedRef = z.infer<typeof pickedSchema>;

/** The claim side panel's form: strings and picked refs, mapped to claimDetailsSchema on submit. */
export const claimFormSchema = z.object({
  claimTypeId: z.string().min(1, "Choose a claim type (keys 1–9)"),
  speakers: z.array(pickedSchema).max(MAX_SPEAKERS, `At most ${MAX_SPEAKERS} speakers`),
  modality: z.enum(MODALITIES),
  date: trimmed(100, "Date"),
  quantities: z.array(z.object({ value: trimmed(100, "Quantity"), item: trimmed(200, "Item") })).max(MAX_QUANTITY_ITEMS),
  item: trimmed(200, "Item"),
  /** Entity actors (kind "entity") and free-text ones (kind "text", id ""). */
  actors: z.array(z.object({ kind: z.enum(["entity", "text"]), id: z.string(), name: trimmed(200, "Actor") })).max(MAX_ACTORS, `At most ${MAX_ACTORS} actors`),
  note: trimmed(MAX_NOTE_CHARS, "Note"),
});
export type ClaimFormValues = z.infer<typeof claimFormSchema>;

export function claimFormToDetails(v: ClaimFormValues) {
  const quantities = v.quantities.filter((q) => q.value.trim()).map((q) => ({ value: q.value.trim(), ...(q.item.trim() ? { item: q.item.trim() } : {}) }));
  return {
    claimTypeId: v.claimTypeId,
    speakers: v.speakers.map((s) => (s.kind === "entity" ? { entityId: s.id } : { sourceId: s.id })),
    modality: v.modality,
    actorEntityIds: v.actors.filter((a) => a.kind === "entity").map((a) => a.id),
    actors: v.actors
      .filter((a) => a.kind === "text")
      .map((a) => a.name.trim())
      .filter(Boolean),
    fields: { date: v.date || undefined, quantities: quantities.length ? quantities : undefined, item: v.item || undefined },
    note: v.note || undefined,
  };
}
