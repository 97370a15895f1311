import { z } from "zod";

import { STANCES } from "@/lib/domain/vocabulary";
import { httpUrl } from "@/lib/validation/articles";
import { MAX_DB_INT } from "@/lib/validation/numbers";

export { STANCES };
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

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format yyyy-mm-dd")
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, "This day does not exist in the calendar");
const ratingNumber = (label: string) => z.number(`${label} must be a number`).int(`${label} must be a whole number`).min(-1000).max(1000).nullable();

/** The desk's rating: a label, optionally a value on a worst…best scale, and the published fact-check. */
export const ratingFieldsSchema = z.object({
  ratingLabel: z.string().trim().max(60, "A rating can be at most 60 characters").nullable(),
  ratingValue: ratingNumber("ratingValue"),
  ratingBest: ratingNumber("ratingBest"),
  ratingWorst: ratingNumber("ratingWorst"),
  reviewUrl: httpUrl("Enter the full URL of the published fact-check").nullable(),
  reviewDate: calendarDate.nullable(),
});

/** Checks a rating as a whole: a value needs its scale, and lies on it. */
export function ratingProblems(r: Partial<z.output<typeof ratingFieldsSchema>>): Record<string, string> {
  const out: Record<string, string> = {};
  const { ratingValue: v, ratingBest: best, ratingWorst: worst } = r;
  if ((best == null) !== (worst == null)) out[best == null ? "ratingBest" : "ratingWorst"] = "Give both ends of the scale (worst and best)";
  if (best != null && worst != null && best === worst) out.ratingBest = "The best and worst ratings must differ";
  if (v != null && (best == null || worst == null)) out.ratingValue = "A rating value needs its scale: set the worst and best ratings too";
  if (v != null && best != null && worst != null && (v < Math.min(best, worst) || v > Math.max(best, worst))) {
    out.ratingValue = `The value must lie between ${worst} (worst) and ${best} (best)`;
  }
  return out;
}

export const updatePropositionSchema = z
  .object({
    id: id("id"),
    statement: z.string().trim().min(3, "Write the statement (at least 3 characters)").max(500, "A statement can be at most 500 characters"),
    claimTypeId: z.string().uuid().nullable(),
  })
  .extend(ratingFieldsSchema.shape);

export const DETAIL_FIELDS = ["date", "quantity", "actors"] as const;
/** Mark (or unmark) two detail values of a proposition's mentions as the same. */
export const sameValuesSchema = z.object({
  propositionId: id("propositionId"),
  field: z.enum(DETAIL_FIELDS, { error: () => ({ message: "field must be date, quantity or actors" }) }),
  keys: z.tuple([z.string().min(1).max(300), z.string().min(1).max(300)]).refine(([a, b]) => a !== b, "Choose two different values"),
  same: z.boolean().default(true),
});

export const VERDICT_KINDS = ["conflict", "agree", "single_origin", "detail_conflict", "unverified", "no_mentions"] as const;

export const matrixFilterSchema = z.object({
  claimTypeId: z.string().uuid().optional().catch(undefined),
  verdict: z.enum(VERDICT_KINDS).optional().catch(undefined),
  entityId: z.string().uuid().optional().catch(undefined),
  sourceId: z.string().uuid().optional().catch(undefined),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  sessionId: z.string().uuid().optional().catch(undefined),
  sort: z.enum(["contested", "recent", "mentions"]).default("contested").catch("contested"),
  columns: z.enum(["publishers", "origins"]).default("publishers").catch("publishers"),
  page: z.coerce.number().int().min(1).max(MAX_DB_INT).default(1).catch(1),
});
export type MatrixFilter = z.output<typeof matrixFilterSchema>;

/** One matrix cell: a column key as the comparison names it ("source:<id>", "none", "unattributed"…). */
export const cellQuotesQuerySchema = z.object({
  column: z.string().trim().min(1, "Name the column (a key of the comparison's columns)").max(200, "A column key is at most 200 characters"),
  columns: z.enum(["publishers", "origins"]).default("publishers"),
});
