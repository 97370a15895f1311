import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listSourcesPage } from "@/lib/server/api-lists";

export const GET = route(endpoints.listSources, async ({ actor, query }) => listSourcesPage(actor, query));
