import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { addAlias } from "@/lib/server/entities";

const post = route(endpoints.addAlias, async ({ actor, body }) => addAlias(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
