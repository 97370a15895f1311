import "server-only";
import { toErrorBody, type ErrorBody } from "@/lib/server/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Run a server action body; errors come back as data the form can show, never as a 500. */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    return { ok: false, error: toErrorBody(err).error };
  }
}
