import { z } from "zod";
import { matrixFilterSchema } from "@/lib/validation/propositions";

export const EXPORT_FORMATS = ["csv", "jsonl", "w3c", "claimreview", "markdown"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z
  .enum(EXPORT_FORMATS, { error: () => ({ message: `format must be one of ${EXPORT_FORMATS.join(", ")}` }) })
  .describe("csv, jsonl and w3c: one record per claim; claimreview and markdown: one per proposition");

/** What to export: one article, a session, a set of propositions or the whole workspace, narrowed by the matrix filters. */
export const exportScopeSchema = matrixFilterSchema
  .pick({ claimTypeId: true, verdict: true, entityId: true, sourceId: true, from: true, to: true, sessionId: true })
  .extend({
    articleId: z.string().uuid("articleId must be an id").optional(),
    propositionIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean)))
      .pipe(z.array(z.string().uuid("propositionIds must be ids")).max(1000, "At most 1,000 propositions per export").optional())
      .describe("Proposition ids, comma-separated (or the parameter repeated); at most 1,000"),
  });
export type ExportScope = z.output<typeof exportScopeSchema>;
