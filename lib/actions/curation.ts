"use server";

import { workspaceAction } from "@/lib/actions/define";
import { decideUnit, undoDecision } from "@/lib/server/curation";

// Adjudicating a session's units: the service checks the actor adjudicates this session and that
// it is revealed; the session page's counts of decisions refresh with each write.
export const decideUnitAction = workspaceAction("claims.review", decideUnit, { revalidate: true });
export const undoDecisionAction = workspaceAction("claims.review", undoDecision, { revalidate: true });
