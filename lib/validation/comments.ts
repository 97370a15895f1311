import { z } from "zod";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT } from "@/lib/api/pagination";
import { versionSchema } from "@/lib/validation/numbers";

/** What a thread can be about. */
export const COMMENT_TARGETS = ["annotation", "proposition"] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];
export const MAX_COMMENT_CHARS = 5000;

/** Notification kinds: a mention, a review outcome on my claim, a comment on my claim, a change to my account's security (a password change). */
export const NOTIFICATION_KINDS = ["mention", "review", "comment", "security"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** What a notification is about: a claim or a proposition, or (for a security notice) the user's own account. */
export const NOTIFICATION_TARGETS = [...COMMENT_TARGETS, "user"] as const;
export type NotificationTarget = (typeof NOTIFICATION_TARGETS)[number];

const id = (what: string) => z.string(`${what} must be an id`).uuid(`${what} must be an id`);

/** A comment's text: 1–5,000 characters (code points) once trimmed, NFC; no NUL and no lone surrogates. */
export const commentBodySchema = z
  .string("Write the comment as text")
  .refine((s) => !s.includes("\u0000"), "The comment contains a NUL character; remove it")
  .refine((s) => !/\p{Cs}/u.test(s), "The comment contains a broken character (a lone surrogate); retype it")
  .transform((s) => s.normalize("NFC").trim())
  .refine((s) => s.length > 0, "Write a comment")
  .refine((s) => [...s].length <= MAX_COMMENT_CHARS, `A comment can be at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters`)
  .describe(`Plain text, 1–${MAX_COMMENT_CHARS} characters; @Name or @email mentions a member`);

export const commentTargetSchema = z.object({
  targetType: z.enum(COMMENT_TARGETS, "targetType must be annotation or proposition"),
  targetId: id("targetId"),
});

/** Start a thread on a claim or a proposition. */
export const createCommentSchema = commentTargetSchema.extend({ body: commentBodySchema });
/** Reply in the thread of `threadId` (any comment of the thread). */
export const replyCommentSchema = z.object({ threadId: id("threadId"), body: commentBodySchema });
/** Edit your own comment. */
export const updateCommentSchema = z.object({ id: id("id"), body: commentBodySchema });
/** Resolve (true) or reopen (false) the thread of `id`. */
export const resolveThreadSchema = z.object({ id: id("id"), resolved: z.boolean("resolved must be true or false") });

const limit = z.coerce
  .number("must be a number")
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(API_MAX_LIMIT, `must be at most ${API_MAX_LIMIT}`)
  .default(API_DEFAULT_LIMIT)
  .describe(`Items per page, at most ${API_MAX_LIMIT}`);

/** Threads of one target, oldest first. */
export const listCommentsSchema = commentTargetSchema.extend({
  cursor: id("cursor").optional().describe("nextCursor of the previous page"),
  limit,
});

/** A history page: newest first; `cursor` is the nextCursor (an audit event id) of the previous page. */
export const historyQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "must be the nextCursor of the previous page")
    .optional()
    .describe("nextCursor of the previous page"),
  limit,
});
export type HistoryQuery = z.input<typeof historyQuerySchema>;

/** Revert a claim's details to those of the version an audit event produced. */
export const revertAnnotationSchema = z.object({
  id: id("id"),
  eventId: z
    .string("eventId must be a history entry id")
    .regex(/^\d{1,18}$/, "eventId must be a history entry id")
    .describe("The `id` of the history entry whose version to go back to"),
  version: versionSchema.describe("The claim's version as read; a stale one is a 409"),
});

/** The inbox: unread first, then the rest, newest first in each. */
export const inboxQuerySchema = z.object({
  cursor: id("cursor").optional().describe("nextCursor of the previous page"),
  limit,
  // A query string says "true"; the UI and the route (re-parsing its own output) pass a boolean.
  unread: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
    .default(false)
    .describe("true: only unread notifications"),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

/** Mark some notifications read (`ids`), or all of them (`all: true`). */
export const markReadSchema = z
  .object({
    ids: z.array(id("ids")).min(1, "Give at least one id").max(100, "At most 100 ids at once").optional(),
    all: z.literal(true, "all must be true").optional(),
  })
  .strict()
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: "Send either ids or all: true", path: ["ids"] });
