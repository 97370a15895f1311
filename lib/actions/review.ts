"use server";

import { workspaceAction } from "@/lib/actions/define";
import { bulkApprove, reviewClaim, submitClaims, updateReviewSettings } from "@/lib/server/review";

// The author of a claim may submit it whatever their role, so submitting asks only for membership;
// the service decides per claim. Each write refreshes the header's count of submitted claims.
export const submitClaimsAction = workspaceAction("workspace.read", submitClaims, { revalidate: true });
export const reviewClaimAction = workspaceAction("claims.review", reviewClaim, { revalidate: true });
export const bulkApproveAction = workspaceAction("claims.review", bulkApprove, { revalidate: true });
export const updateReviewSettingsAction = workspaceAction("workspace.manage", updateReviewSettings, { revalidate: true });
