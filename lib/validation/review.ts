import { z } from "zod";
import { pageQuerySchema } from "@/lib/api/pagination";
import { ANNOTATION_STATUSES } from "@/lib/domain/vocabulary";
import { versionSchema } from "@/lib/validation/numbers";

/** At most this many claims in one submit or bulk approval. */
export const MAX_REVIEW_BATCH = 200;
export const MAX_REVIEW_REASON = 2000;

const id = (what: string) => z.string(`${what} must be an id`).uuid(`${what} must be an id`);
const ids = z
  .array(id("Each id"))
  .min(1, "Choose at least one claim")
  .max(MAX_REVIEW_BATCH, `At most ${MAX_REVIEW_BATCH} claims at once`)
  .transform((xs) => [...new Set(xs)])
  .describe(`Claim (annotation) ids, at most ${MAX_REVIEW_BATCH}`);

export const submitClaimsSchema = z.object({ ids });
export const bulkApproveSchema = z.object({ ids });

const reason = z.string().trim().max(MAX_REVIEW_REASON, `A reason can be at most ${MAX_REVIEW_REASON} characters`);

export const reviewDecisionFields = z.object({
  id: id("id"),
  version: versionSchema.describe("The version the decision is based on"),
  decision: z.enum(["approve", "reject"], "decision must be approve or reject"),
  reason: reason.optional().describe("Why: required to reject, optional note when approving"),
});

/** A rejection without a reason is a field error on `reason`. */
export function requireRejectReason(v: { decision: string; reason?: string }, ctx: z.RefinementCtx) {
  if (v.decision === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason for the rejection" });
}

/** A reviewer's decision on one claim; a rejection needs a reason (422 on `reason`). */
export const reviewClaimSchema = reviewDecisionFields.superRefine(requireRejectReason);
export type ReviewClaimInput = z.input<typeof reviewClaimSchema>;

// Query values arrive as strings; an empty one (a cleared filter) is no filter.
const blankIsNone = (v: unknown) => (v === "" ? undefined : v);
const optionalId = (what: string) => z.preprocess(blankIsNone, id(what).optional());

/** The review queue's filters; submitted claims unless a status is chosen. */
export const reviewQueueSchema = pageQuerySchema.extend({
  status: z.preprocess(blankIsNone, z.enum(ANNOTATION_STATUSES).default("SUBMITTED")).describe("Claims in this status (default SUBMITTED)"),
  articleId: optionalId("articleId"),
  claimTypeId: optionalId("claimTypeId"),
  authorId: optionalId("authorId").describe("The annotator (user id)"),
  sessionId: optionalId("sessionId").describe("Claims on the articles of this annotation session"),
});
export type ReviewQueueFilter = z.output<typeof reviewQueueSchema>;

export const reviewSettingsFields = z.object({
  countApprovedOnly: z.boolean("countApprovedOnly must be true or false").optional().describe("Verdicts count only approved claims"),
  allowSelfApproval: z.boolean("allowSelfApproval must be true or false").optional().describe("A reviewer may approve their own claim"),
});

/** A settings change must change something. */
export const SETTINGS_NEEDED = "Send countApprovedOnly, allowSelfApproval or both";
export const changesASetting = (v: { countApprovedOnly?: boolean; allowSelfApproval?: boolean }) =>
  v.countApprovedOnly !== undefined || v.allowSelfApproval !== undefined;

/** The workspace's review settings; fields left out keep their value. */
export const reviewSettingsSchema = reviewSettingsFields.refine(changesASetting, SETTINGS_NEEDED);
