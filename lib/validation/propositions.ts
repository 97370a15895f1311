import { z } from "zod";

export const STANCES = ["SUPPORTS", "REFUTES", "NEUTRAL"] as const;
const stance = z.enum(STANCES, { error: () => ({ message: "Stance must be one of SUPPORTS, REFUTES or NEUTRAL" }) });
const id = (what: string) => z.string().uuid(`${what} must be an id`);

export const newPropositionSchema = z.object({
  annotationId: id("annotationId"),
  statement: z.string().trim().max(500, "A statement can be at most 500 characters").optional(),
  stance: stance.default("SUPPORTS"),
});

export const linkMentionSchema = z.object({ annotationId: id("annotationId"), propositionId: id("propositionId"), stance });
export const unlinkMentionSchema = z.object({ annotationId: id("annotationId"), propositionId: id("propositionId") });
export const moveMentionSchema = z.object({ annotationId: id("annotationId"), fromId: id("fromId"), toId: id("toId") });
export const mergePropositionsSchema = z.object({ sourceId: id("sourceId"), targetId: id("targetId") });

export const updatePropositionSchema = z.object({
  id: id("id"),
  statement: z.string().trim().min(3, "Write the statement (at least 3 characters)").max(500, "A statement can be at most 500 characters"),
  claimTypeId: z.string().uuid().nullable(),
  verdict: z.string().trim().max(60, "A rating can be at most 60 characters").nullable(),
});

export const VERDICT_KINDS = ["conflict", "agree", "single_origin", "detail_conflict", "unverified", "no_mentions"] as const;

export const matrixFilterSchema = z.object({
  claimTypeId: z.string().uuid().optional().catch(undefined),
  verdict: z.enum(VERDICT_KINDS).optional().catch(undefined),
  entityId: z.string().uuid().optional().catch(undefined),
  sourceId: z.string().uuid().optional().catch(undefined),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  sessionId: z.string().uuid().optional().catch(undefined),
  sort: z.enum(["contested", "recent", "mentions"]).default("contested").catch("contested"),
  columns: z.enum(["publishers", "origins"]).default("publishers").catch("publishers"),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});
export type MatrixFilter = z.output<typeof matrixFilterSchema>;
