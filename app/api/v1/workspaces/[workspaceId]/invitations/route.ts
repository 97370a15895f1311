import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { createInvitation, listInvitations } from "@/lib/server/invitations";

const get = route(endpoints.listInvitations, async ({ actor }) => ({ items: await listInvitations(actor) }));

const post = route(endpoints.createInvitation, async ({ actor, body }) => createInvitation(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
