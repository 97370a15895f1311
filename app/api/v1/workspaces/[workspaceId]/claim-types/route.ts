import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { listClaimTypes, saveClaimType } from "@/lib/server/workspaces";

const get = route(endpoints.listClaimTypes, async ({ actor }) => ({ items: await listClaimTypes(actor), nextCursor: null }));

const post = route(endpoints.createClaimType, async ({ actor, body }) => saveClaimType(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
