import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { getReviewSettings, updateReviewSettings } from "@/lib/server/review";

const get = route(endpoints.getReviewSettings, async ({ actor }) => getReviewSettings(actor));

const patch = route(endpoints.updateReviewSettings, async ({ actor, body }) => updateReviewSettings(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PATCH: patch });
