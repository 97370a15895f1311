import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";

/** Every API token starts with this, so a leaked one is easy to recognise (and to scan for). */
export const API_TOKEN_PREFIX = "cb_";

/** The settings form and POST /api/v1/tokens: a name to recognise the token by, and its role. */
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name, e.g. “nightly export script”").max(100, "A name can be at most 100 characters"),
  role: z.enum(ROLES, { error: () => ({ message: "Role must be one of OWNER, EDITOR, REVIEWER or VIEWER" }) }),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
