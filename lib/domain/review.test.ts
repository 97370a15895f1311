import { describe, expect, it } from "vitest";
import { computeVerdict } from "./comparison";
import { countingLabel, reviewRefusal, statusAfterEdit, type ReviewerFacts, type ReviewStep } from "./review";
import type { AnnotationStatus } from "./vocabulary";

const editor: ReviewerFacts = { isAuthor: false, canWrite: true, canReview: true, allowSelfApproval: false };
const author: ReviewerFacts = { ...editor, isAuthor: true };
const reviewer: ReviewerFacts = { isAuthor: false, canWrite: false, canReview: true, allowSelfApproval: false };
const viewer: ReviewerFacts = { isAuthor: false, canWrite: false, canReview: false, allowSelfApproval: false };

describe("reviewRefusal: the state machine", () => {
  const cases: [string, ReviewStep, AnnotationStatus, ReviewerFacts, "ok" | "forbidden" | "conflict"][] = [
    ["an author submits a draft", "submit", "DRAFT", author, "ok"],
    ["an editor submits someone else's draft", "submit", "DRAFT", editor, "ok"],
    ["a rejected claim is submitted again", "submit", "REJECTED", author, "ok"],
    ["a reviewer who is not the author cannot submit", "submit", "DRAFT", reviewer, "forbidden"],
    ["a reviewer (demoted editor) submits their own claim", "submit", "DRAFT", { ...reviewer, isAuthor: true }, "ok"],
    ["a submitted claim is not submitted twice", "submit", "SUBMITTED", author, "conflict"],
    ["an approved claim is not submitted", "submit", "APPROVED", author, "conflict"],
    ["a reviewer approves a submitted claim", "approve", "SUBMITTED", reviewer, "ok"],
    ["a reviewer overturns a rejection", "approve", "REJECTED", reviewer, "ok"],
    ["a draft cannot be approved", "approve", "DRAFT", reviewer, "conflict"],
    ["an approved claim cannot be approved again", "approve", "APPROVED", reviewer, "conflict"],
    ["a viewer cannot approve", "approve", "SUBMITTED", viewer, "forbidden"],
    ["an editor without the review capability cannot approve", "approve", "SUBMITTED", { ...editor, canReview: false }, "forbidden"],
    ["nobody approves their own claim by default", "approve", "SUBMITTED", author, "forbidden"],
    ["unless the workspace allows self-approval", "approve", "SUBMITTED", { ...author, allowSelfApproval: true }, "ok"],
    ["a reviewer rejects a submitted claim", "reject", "SUBMITTED", reviewer, "ok"],
    ["a reviewer rejects an approved claim", "reject", "APPROVED", reviewer, "ok"],
    ["an author may reject (withdraw) their own claim", "reject", "SUBMITTED", author, "ok"],
    ["a draft cannot be rejected", "reject", "DRAFT", reviewer, "conflict"],
    ["a rejected claim is not rejected again", "reject", "REJECTED", reviewer, "conflict"],
    ["a viewer cannot reject", "reject", "SUBMITTED", viewer, "forbidden"],
  ];
  it.each(cases)("%s", (_name, step, status, who, expected) => {
    const r = reviewRefusal(step, status, who);
    expect(r?.code ?? "ok").toBe(expected);
    if (r) expect(r.message.length).toBeGreaterThan(10);
  });

  it("says why in words", () => {
    expect(reviewRefusal("approve", "SUBMITTED", author)?.message).toMatch(/cannot approve your own claim/);
    expect(reviewRefusal("approve", "DRAFT", reviewer)?.message).toMatch(/draft.*submit it for review first/);
    expect(reviewRefusal("reject", "REJECTED", reviewer)?.message).toMatch(/already rejected/);
  });
});

describe("statusAfterEdit", () => {
  it.each([
    ["APPROVED", "SUBMITTED"],
    ["SUBMITTED", "SUBMITTED"],
    ["REJECTED", "REJECTED"],
    ["DRAFT", "DRAFT"],
  ] as const)("%s → %s", (before, after) => expect(statusAfterEdit(before)).toBe(after));
});

it("countingLabel names the rule", () => {
  expect(countingLabel(true)).toBe("Counting approved claims only");
  expect(countingLabel(false)).toBe("Counting all claims");
});

it("a verdict with nothing counted says unapproved claims are why, when only approved ones count", () => {
  expect(computeVerdict([], undefined, { uncounted: 2, approvedOnly: true }).sentence).toBe(
    "Nothing counts yet: 2 linked mentions are not approved (only approved claims count here), orphaned or waiting for review.",
  );
  expect(computeVerdict([], undefined, { uncounted: 2 }).sentence).toMatch(/after a text correction/);
});
