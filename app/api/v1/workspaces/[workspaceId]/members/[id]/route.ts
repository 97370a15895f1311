import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { removeMember, updateMemberRole } from "@/lib/server/workspaces";

const patch = route(endpoints.updateMember, async ({ actor, params, body }) => updateMemberRole(actor, params.id, body));

const del = route(endpoints.removeMember, async ({ actor, params }) => removeMember(actor, params.id));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: del });
