import { z } from "zod";
import { claimDetailsSchema } from "@/lib/validation/schemas";
import { versionSchema } from "@/lib/validation/numbers";

export const SESSION_MODES = ["OPEN", "BLIND"] as const;
export const ASSIGNMENT_STATUSES = ["TODO", "IN_PROGRESS", "DONE"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const MAX_SESSION_NAME = 200;
export const MAX_GUIDELINES = 20_000;
/** At most this many articles, and this many people, in one session. */
export const MAX_SESSION_ARTICLES = 500;
export const MAX_SESSION_PEOPLE = 50;

const id = (what: string) => z.string(`${what} must be an id`).uuid(`${what} must be an id`);
const version = versionSchema.describe("The version the change is based on");
// `tooMany` whole (not "At most 50 {what}s"), so each translates whole.
const uniqueIds = (what: string, max: number, tooMany: string) =>
  z
    .array(id(what))
    .max(max, tooMany)
    .transform((xs) => [...new Set(xs)]);

const sessionFields = {
  name: z.string("Enter a name").trim().min(1, "Enter a name").max(MAX_SESSION_NAME, `A name can be at most ${MAX_SESSION_NAME} characters`),
  guidelines: z.string().max(MAX_GUIDELINES, `Guidelines can be at most ${MAX_GUIDELINES} characters`).describe("Markdown, shown as text (no HTML)"),
  mode: z
    .enum(SESSION_MODES, "mode must be OPEN or BLIND")
    .describe("BLIND: each annotator sees only their own claims on the session's articles until revealed"),
  dueAt: z.iso.date("Use a date like 2026-12-31").nullable().describe("Due date (YYYY-MM-DD) or null"),
  articleIds: uniqueIds("Article", MAX_SESSION_ARTICLES, `At most ${MAX_SESSION_ARTICLES} articles in one session`).describe(
    `The session's articles, at most ${MAX_SESSION_ARTICLES}`,
  ),
  annotatorIds: uniqueIds("Annotator", MAX_SESSION_PEOPLE, `At most ${MAX_SESSION_PEOPLE} annotators in one session`).describe(
    "Members who annotate (editor role or higher)",
  ),
  reviewerIds: uniqueIds("Reviewer", MAX_SESSION_PEOPLE, `At most ${MAX_SESSION_PEOPLE} reviewers in one session`).describe(
    "Members who adjudicate (reviewer role or higher)",
  ),
};

export const createSessionSchema = z.object({
  ...sessionFields,
  guidelines: sessionFields.guidelines.default(""),
  mode: sessionFields.mode.default("OPEN"),
  dueAt: sessionFields.dueAt.optional(),
  articleIds: sessionFields.articleIds.default([]),
  annotatorIds: sessionFields.annotatorIds.default([]),
  reviewerIds: sessionFields.reviewerIds.default([]),
  assign: z.enum(["all", "split", "none"]).default("all").describe("all: every article to every annotator; split: each article to one annotator in turn"),
});
export type CreateSessionInput = z.input<typeof createSessionSchema>;

export const updateSessionSchema = z
  .object(sessionFields)
  .partial()
  .extend({ id: id("id"), version });
export type UpdateSessionInput = z.input<typeof updateSessionSchema>;

export const assignSchema = z.object({
  id: id("id"),
  version,
  mode: z.enum(["all", "split", "custom"], "mode must be all, split or custom"),
  assignments: z
    .array(z.object({ articleId: id("articleId"), userId: id("userId") }))
    .max(MAX_SESSION_ARTICLES * MAX_SESSION_PEOPLE)
    .optional()
    .describe("custom: the exact article × annotator pairs; existing progress is kept for pairs that stay"),
});
export type AssignInput = z.input<typeof assignSchema>;

export const assignmentStatusSchema = z.object({
  articleId: id("articleId"),
  userId: id("userId").optional().describe("Whose assignment; default: yours"),
  status: z.enum(ASSIGNMENT_STATUSES, "status must be TODO, IN_PROGRESS or DONE"),
});

export const sessionStateSchema = z.object({ id: id("id"), version });

/** One adjudication: accept one claim of a unit (optionally with edited details) or reject the unit. */
export const decisionSchema = z
  .object({
    articleId: id("articleId"),
    claimIds: z
      .array(id("Each claim id"))
      .min(1, "Choose the unit's claims")
      .max(MAX_SESSION_PEOPLE)
      .transform((xs) => [...new Set(xs)]),
    decision: z.enum(["accept", "reject"], "decision must be accept or reject"),
    chosenId: id("chosenId").optional().describe("accept: the claim whose span (and details, unless edited) becomes the reconciled claim"),
    details: claimDetailsSchema.optional().describe("accept: edited details for the reconciled claim"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "accept" && !v.chosenId) ctx.addIssue({ code: "custom", path: ["chosenId"], message: "Choose the claim to accept" });
    if (v.chosenId && !v.claimIds.includes(v.chosenId))
      ctx.addIssue({ code: "custom", path: ["chosenId"], message: "The chosen claim must be one of the unit's claims" });
  });
export type DecisionInput = z.input<typeof decisionSchema>;
export type DecisionOutput = z.output<typeof decisionSchema>;

export const agreementQuerySchema = z.object({
  format: z.enum(["json", "csv"]).default("json"),
});
