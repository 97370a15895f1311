import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { reviewClaim } from "@/lib/server/review";

const post = route(endpoints.reviewClaim, async ({ actor, body }) => reviewClaim(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
