import "server-only";
import { toErrorBody, type ErrorBody } from "@/lib/server/errors";
import { requestLocaleOrDefault } from "@/lib/i18n/request-locale";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Run a server action body; errors come back as data the form can show, never as a 500, in the interface's language. */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    return { ok: false, error: toErrorBody(err, await requestLocaleOrDefault()).error };
  }
}
