import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { submitClaims } from "@/lib/server/review";

const post = route(endpoints.submitClaims, async ({ actor, body }) => submitClaims(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
