import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { getCuration } from "@/lib/server/curation";

const get = route(endpoints.getCuration, async ({ actor, params }) => getCuration(actor, params.id, params.articleId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
