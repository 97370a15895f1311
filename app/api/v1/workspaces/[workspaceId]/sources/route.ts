import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listSourcesPage } from "@/lib/server/api-lists";
import { createSource } from "@/lib/server/sources";

const get = route(endpoints.listSources, async ({ actor, query }) => listSourcesPage(actor, query));

const post = route(endpoints.createSource, async ({ actor, body }) => createSource(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
