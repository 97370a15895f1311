import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { getReaderData } from "@/lib/server/articles";

export const GET = route(endpoints.getArticle, async ({ actor, params }) => getReaderData(actor, params.id));
