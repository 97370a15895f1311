import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { createSession, listSessions } from "@/lib/server/sessions";

const get = route(endpoints.listSessions, async ({ actor }) => ({ items: await listSessions(actor) }));

const post = route(endpoints.createSession, async ({ actor, body }) => createSession(actor, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
