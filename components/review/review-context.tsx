"use client";

import { createContext, useContext, type ReactNode } from "react";

/** What review buttons need to know about the signed-in member, provided once by the workspace layout. */
export type ReviewContextValue = {
  workspaceId: string;
  userId: string;
  canWrite: boolean;
  canReview: boolean;
  allowSelfApproval: boolean;
};

const ReviewContext = createContext<ReviewContextValue | null>(null);

export function ReviewProvider({ value, children }: { value: ReviewContextValue; children: ReactNode }) {
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}

/** The member's review facts, or null outside a workspace (then only statuses are shown). */
export function useReview(): ReviewContextValue | null {
  return useContext(ReviewContext);
}
