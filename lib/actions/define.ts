import "server-only";
import { revalidatePath } from "next/cache";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { currentUserId } from "@/lib/auth/session";
import type { Capability } from "@/lib/domain/permissions";
import { runAction, type ActionResult } from "@/lib/server/action";
import { assertStorableText } from "@/lib/validation/text-guard";

/**
 * A server action on one workspace, built the same way everywhere: the signed-in member is
 * resolved to an Actor that must have `need`, the arguments are checked for text PostgreSQL
 * cannot store (a NUL or a lone surrogate anywhere: 422 naming the field), the service runs with
 * the Actor (it validates the input with the shared zod schema and asserts the capability again),
 * workspace pages revalidate after a write, and errors come back as `{ ok: false, error }` with
 * field errors, never as a 500 and never thrown (a hand-made request can send anything).
 */
export function workspaceAction<A extends unknown[], T>(
  need: Capability,
  service: (actor: Actor, ...args: A) => Promise<T>,
  opts: { revalidate?: boolean } = {},
): (workspaceId: string, ...args: A) => Promise<ActionResult<T>> {
  return async (workspaceId, ...args) => {
    const res = await runAction(async () => {
      const actor = await requireMember(await currentUserId(), workspaceId, { need });
      // A one-argument action names its fields as the form does ("speakers.0.name"); others by position.
      assertStorableText(args.length === 1 ? args[0] : args);
      return service(actor, ...args);
    });
    // Names and counts show on every workspace page, so a write refreshes them all.
    if (res.ok && opts.revalidate) revalidatePath("/w/[slug]", "layout");
    return res;
  };
}
