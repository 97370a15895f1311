import { z } from "zod";
import { codePointLength, normalizeText } from "@/lib/domain/text";

/** Longest paragraph a correction may store, in code points. */
export const MAX_PASSAGE_CHARS = 20_000;

const tooLong = `A paragraph can be at most ${MAX_PASSAGE_CHARS.toLocaleString("en")} characters`;

/** Corrected paragraph text: stored as passages are (NFC, trimmed), one line, 1–20,000 code points. */
export const passageTextSchema = z
  .string({ error: "Write the paragraph text" })
  // Cheap guard before normalizing: NFD input may shrink under NFC, so allow generous slack.
  .max(MAX_PASSAGE_CHARS * 4, tooLong)
  .transform((s) => normalizeText(s).trim())
  .pipe(
    z
      .string()
      .min(1, "A paragraph cannot be empty; delete the article instead")
      .refine((s) => codePointLength(s) <= MAX_PASSAGE_CHARS, tooLong)
      .refine((s) => !/[\n\u2028\u2029]/.test(s), "A paragraph cannot contain line breaks: each paragraph is stored on its own, so correct them one at a time"),
  );

export const updatePassageTextSchema = z.object({
  passageId: z.string().uuid("passageId must be an id"),
  text: passageTextSchema,
  /** The text the editor started from; when given and no longer stored, the save is refused. */
  expectedText: z
    .string()
    .max(MAX_PASSAGE_CHARS * 4)
    .optional(),
});

export type UpdatePassageTextInput = z.input<typeof updatePassageTextSchema>;
