import { z } from "zod";
import { ROLES } from "@/lib/domain/vocabulary";

/** Invitation links: `cbi_` and 32 random bytes in base64url (43 characters). */
export const INVITATION_PREFIX = "cbi_";
export const INVITATION_TOKEN_PATTERN = /^cbi_[A-Za-z0-9_-]{43}$/;
export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;

/** A new invitation link: the role it grants and how many days it stays valid. */
export const createInvitationSchema = z.object({
  role: z.enum(ROLES, "Choose a role"),
  expiresInDays: z.coerce
    .number("Enter a number of days")
    .int("Whole days only")
    .min(INVITATION_DAYS.min, `At least ${INVITATION_DAYS.min} day`)
    .max(INVITATION_DAYS.max, `At most ${INVITATION_DAYS.max} days`)
    .default(INVITATION_DAYS.default)
    .describe(`Days the link stays valid, ${INVITATION_DAYS.min}–${INVITATION_DAYS.max} (default ${INVITATION_DAYS.default})`),
});
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

/** The secret from the link; anything that is not shaped like one is simply an unknown link. */
export const invitationTokenSchema = z.string().max(200).describe("The token from the link /invite/cbi_…");

/** A browser tab is one presence: the reader makes up an id per tab. */
export const tabIdSchema = z
  .string("Send the tab's id")
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "tabId: 8–64 letters, digits, - or _")
  .describe("An id the client makes up per browser tab");

/** A heartbeat: this tab is on the article, editing a claim or not. */
export const heartbeatSchema = z.object({
  tabId: tabIdSchema,
  editingAnnotationId: z.string().uuid("editingAnnotationId must be a claim id").nullable().default(null).describe("The claim this tab is editing, or null"),
});
export type HeartbeatInput = z.input<typeof heartbeatSchema>;
