import { z } from "zod";
import { type TextField, trimmed } from "@/lib/validation/too-long";
import { versionSchema } from "@/lib/validation/numbers";

/** Optional text: "" or null clears it. */
const clearable = (max: number, field: TextField) =>
  trimmed(max, field)
    .nullable()
    .transform((v) => (v ? v : null));

export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use the date format yyyy-mm-dd", abort: true })
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, "This day does not exist in the calendar");

export const HTTP_URL_MESSAGE = "Use an http(s) address";

/** True for an http:// or https:// address; javascript:, data:, file: and the rest are not links to show or export. */
export const isHttpUrl = (u: string) => /^https?:\/\/[^/\s]/i.test(u.trim());

/** An http(s) link (`invalidMessage` when it is no URL at all); javascript:, data: and other schemes are refused. */
export const httpUrl = (invalidMessage = "Enter a full URL starting with http:// or https://") =>
  z.string().trim().max(2000, "A URL can be at most 2,000 characters").url(invalidMessage).refine(isHttpUrl, HTTP_URL_MESSAGE);

export const httpUrlSchema = httpUrl();

/** Correct an article's metadata after import; fields left out keep their value. */
export const updateArticleSchema = z.object({
  id: z.string().uuid(),
  /** The version the edit started from (a stale one is a 409). */
  version: versionSchema,
  title: trimmed(300, "Title").min(1, "Give the article a title").optional(),
  /** The publisher's name: matched to a source ignoring case and accents, or created. */
  publisher: clearable(200, "Publisher").optional(),
  /** Sources it relays or translates, primary first (names, matched or created like the publisher). */
  origins: z.array(trimmed(200, "Origin").min(1, "An origin is empty")).max(20, "At most 20 origins").optional(),
  byline: clearable(200, "Byline").optional(),
  publishedAt: calendarDateSchema.nullable().optional(),
  url: httpUrlSchema
    .nullable()
    .or(z.literal("").transform(() => null))
    .optional(),
  language: z
    .enum(["vi", "en"], { error: () => ({ message: "Language must be vi or en" }) })
    .nullable()
    .optional(),
});
export type UpdateArticleInput = z.input<typeof updateArticleSchema>;

/** The article details form: flat strings, mapped to updateArticleSchema on submit. */
export const articleFormSchema = z.object({
  title: trimmed(300, "Title").min(1, "Give the article a title"),
  publisher: trimmed(200, "Publisher"),
  origins: trimmed(2000, "Origins"),
  byline: trimmed(200, "Byline"),
  publishedAt: z.union([z.literal(""), calendarDateSchema]),
  url: z.union([z.literal(""), httpUrlSchema]),
  language: z.enum(["", "vi", "en"]),
});
export type ArticleFormValues = z.infer<typeof articleFormSchema>;

/** Origins are typed comma- or semicolon-separated, primary first. */
export function articleFormToInput(id: string, version: number, v: ArticleFormValues): UpdateArticleInput {
  return {
    id,
    version,
    title: v.title,
    publisher: v.publisher || null,
    origins: v.origins
      .split(/[;,]/)
      .map((o) => o.trim())
      .filter(Boolean),
    byline: v.byline || null,
    publishedAt: v.publishedAt || null,
    url: v.url || null,
    language: v.language || null,
  };
}
