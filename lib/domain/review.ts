// The review workflow of a claim as one table: each step, the statuses it starts from, the status it
// leads to, and who may take it. Services refuse with it; the reader and the review queue ask it which
// buttons to show, so the two cannot disagree.
import type { AnnotationStatus } from "@/lib/domain/vocabulary";

export type ReviewStep = "submit" | "approve" | "reject";
export type ReviewDecision = Exclude<ReviewStep, "submit">;

/**
 * draft → submitted → approved or rejected. A rejected claim can be submitted again (after a fix) or
 * approved after all; an approved one can still be rejected (a reviewer changing their mind, with a reason).
 */
export const REVIEW_STEPS = {
  submit: { from: ["DRAFT", "REJECTED"], to: "SUBMITTED" },
  approve: { from: ["SUBMITTED", "REJECTED"], to: "APPROVED" },
  reject: { from: ["SUBMITTED", "APPROVED"], to: "REJECTED" },
} as const satisfies Record<ReviewStep, { from: readonly AnnotationStatus[]; to: AnnotationStatus }>;

/** Who is asking, about one claim: its author or not, and what their role lets them do. */
export type ReviewerFacts = { isAuthor: boolean; canWrite: boolean; canReview: boolean; allowSelfApproval: boolean };
export type Refusal = { code: "forbidden" | "conflict"; message: string };

/** Why a step is refused by the claim's status. @phrasebook: the review queue shows these as they are. */
const ALREADY: Record<AnnotationStatus, string> = {
  DRAFT: "This claim is a draft; its author or an editor must submit it for review first",
  SUBMITTED: "This claim is already submitted for review",
  APPROVED: "This claim is already approved",
  REJECTED: "This claim is already rejected",
};

/** Why `step` may not be taken on a claim in `status` by this person, or null when it may. @phrasebook */
export function reviewRefusal(step: ReviewStep, status: AnnotationStatus, who: ReviewerFacts): Refusal | null {
  if (step === "submit" && !who.isAuthor && !who.canWrite)
    return { code: "forbidden", message: "Only the claim's author or an editor can submit it for review" };
  if (step !== "submit" && !who.canReview) return { code: "forbidden", message: "Reviewing claims needs the reviewer role or higher" };
  if (step === "approve" && who.isAuthor && !who.allowSelfApproval) {
    return { code: "forbidden", message: "You cannot approve your own claim: another reviewer must (an owner can allow self-approval in Settings)" };
  }
  const from: readonly AnnotationStatus[] = REVIEW_STEPS[step].from;
  if (from.includes(status)) return null;
  // A draft cannot be reviewed; any other refused status is where the step would lead.
  return { code: "conflict", message: ALREADY[status] };
}

/** The status a claim has after someone edits its details: an approved claim goes back to the queue. */
export function statusAfterEdit(status: AnnotationStatus): AnnotationStatus {
  return status === "APPROVED" ? "SUBMITTED" : status;
}

/** What every verdict view says about which claims it counts. */
export function countingLabel(approvedOnly: boolean): string {
  return approvedOnly ? "Counting approved claims only" : "Counting all claims";
}

/** The same, with the rule spelled out, for reports. */
export function countingSentence(approvedOnly: boolean): string {
  return approvedOnly
    ? "Counting approved claims only: drafts, submitted and rejected claims are listed but not counted in verdicts."
    : "Counting all claims, reviewed or not (orphaned claims and claims waiting for review after a text correction never count).";
}
