import { z } from "zod";

/** How long the outbox keeps events; a client resuming from an older id is told to reload. */
export const RETENTION_DAYS = 7;

/** The live-updates stream's query: narrow to one page's changes, or resume after an event id. */
export const liveQuerySchema = z.object({
  articleId: z.string().uuid("articleId must be an id").optional(),
  propositionId: z.string().uuid("propositionId must be an id").optional(),
  /** For clients that cannot send the Last-Event-ID header (the header wins). */
  lastEventId: z
    .string()
    .regex(/^\d{1,19}$/, "lastEventId must be an event id")
    .optional(),
});
export type LiveQuery = z.output<typeof liveQuerySchema>;

/** The change log's query, for scripts that poll instead of streaming. */
export const liveLogQuerySchema = liveQuerySchema.omit({ lastEventId: true }).extend({
  after: z
    .string()
    .regex(/^\d{1,19}$/, "after must be an event id")
    .default("0")
    .describe("Return events after this id (the previous page's nextCursor, or an SSE event id)"),
  limit: z.coerce.number().int("limit must be a whole number").min(1, "limit must be at least 1").max(500, "limit can be at most 500").default(100),
});
export type LiveLogQuery = z.output<typeof liveLogQuerySchema>;

/** One change, as the stream's `data:` and the log's items carry it. */
export const liveEventSchema = z.object({
  id: z.string().describe("The outbox id (decimal): increasing, the SSE `id:`"),
  kind: z
    .string()
    .describe("annotation.created, annotation.updated, annotation.deleted, annotation.reviewed, mention.linked, comment.created, member.removed, …"),
  entityType: z.string(),
  entityId: z.string(),
  articleId: z.string().nullable(),
  propositionIds: z.array(z.string()),
  sessionId: z.string().nullable(),
  actorId: z.string().nullable().describe("Who made the change"),
  version: z.number().int().nullable().describe("The entity's version after the change, where it has one"),
  data: z.unknown(),
  at: z.string().describe("When it was recorded (ISO 8601)"),
});
export type LiveEvent = z.output<typeof liveEventSchema>;
