import { z } from "zod";
import { matrixFilterSchema } from "@/lib/validation/propositions";

export const EXPORT_FORMATS = ["csv", "jsonl", "w3c", "claimreview", "markdown"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z
  .enum(EXPORT_FORMATS, { error: () => ({ message: `format must be one of ${EXPORT_FORMATS.join(", ")}` }) })
  .describe("csv, jsonl and w3c: one record per claim; claimreview and markdown: one per proposition");

/** True for a yyyy-mm-dd that names a real day (not 2024-02-30, not 2024-13-01). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === value;
}

// Unlike the matrix page (which drops a bad filter from a hand-edited URL), an export refuses it:
// a file that silently covers other days than asked for is worse than an error.
const filterDate = (name: "from" | "to") =>
  z
    .string()
    .refine(isCalendarDate, `${name} must be a real calendar date written yyyy-mm-dd`)
    .optional()
    .describe(`Published ${name === "from" ? "on or after" : "on or before"} this day (yyyy-mm-dd)`);

/** What to export: one article, a session, a set of propositions or the whole workspace, narrowed by the matrix filters. */
export const exportScopeSchema = matrixFilterSchema
  .pick({ claimTypeId: true, verdict: true, entityId: true, sourceId: true, sessionId: true })
  .extend({
    from: filterDate("from"),
    to: filterDate("to"),
    articleId: z.string().uuid("articleId must be an id").optional(),
    propositionIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean)))
      .pipe(z.array(z.string().uuid("propositionIds must be ids")).max(1000, "At most 1,000 propositions per export").optional())
      .describe("Proposition ids, comma-separated (or the parameter repeated); at most 1,000"),
  })
  .superRefine((scope, ctx) => {
    // yyyy-mm-dd strings compare as the days they name.
    if (scope.from && scope.to && scope.from > scope.to) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `from (${scope.from}) must be on or before to (${scope.to})` });
    }
  });
export type ExportScope = z.output<typeof exportScopeSchema>;
