import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/server/invitations";

const del = route(endpoints.revokeInvitation, async ({ actor, params }) => revokeInvitation(actor, params.id));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: del });
