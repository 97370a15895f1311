import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { bulkApprove } from "@/lib/server/review";

const post = route(endpoints.bulkApprove, async ({ actor, body }) => bulkApprove(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
