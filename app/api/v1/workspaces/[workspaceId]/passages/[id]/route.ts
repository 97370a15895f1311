import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { updatePassageText } from "@/lib/server/passages";

const patch = route(endpoints.correctPassage, async ({ actor, body }) => updatePassageText(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch });
