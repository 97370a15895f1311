import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { addMember, listMembers } from "@/lib/server/workspaces";

const get = route(endpoints.listMembers, async ({ actor }) => ({ items: await listMembers(actor), nextCursor: null }));

const post = route(endpoints.addMember, async ({ actor, body }) => addMember(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
