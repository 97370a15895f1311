import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listReviewQueue } from "@/lib/server/review";

const get = route(endpoints.reviewQueue, async ({ actor, query }) => listReviewQueue(actor, query));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
