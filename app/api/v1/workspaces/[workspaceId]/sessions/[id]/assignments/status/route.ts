import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { setAssignmentStatus } from "@/lib/server/sessions";

const patch = route(endpoints.setAssignmentStatus, async ({ actor, params, body }) => setAssignmentStatus(actor, params.id, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch });
