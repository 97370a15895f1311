import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { phrase, phraseFields } from "@/lib/i18n/phrasebook";
import { translateRef } from "@/lib/i18n/translate";

export type ErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "too_large" | "rate_limited" | "validation" | "unavailable";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  validation: 422,
  unavailable: 503,
};

/** How long a client should wait before trying again when the database is down, in seconds. */
export const RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not reachable or too busy right now; nothing was saved. Try again in a moment.";
const GENERIC = {
  conflict: { message: "That already exists", ref: { key: "errors.exists" } },
  notFound: { message: "Not found", ref: { key: "errors.notFound" } },
  unavailable: { message: DATABASE_UNAVAILABLE_MESSAGE, ref: { key: "errors.unavailable" } },
  internal: { message: "Something went wrong on our side; nothing was saved.", ref: { key: "errors.internal" } },
} as const;

/**
 * An error whose message is safe to show to the user. `ref` names the same message in the
 * catalogues (messages/*.json), so answers can follow the reader's language; without one the
 * English message is sent whatever the language.
 */
/** An error's catalogue message, and its per-field messages' (`details.fields`) when they have one. */
export type ErrorRef = MessageRef & { fields?: Record<string, MessageRef> };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly ref?: ErrorRef,
    /** When to try again, in seconds (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export type ErrorBody = { code: ErrorCode | "internal"; message: string; details?: Record<string, unknown> };

/** A mapped error; `headers` go on the HTTP answer (Retry-After on a 503, or when the error names one). */
export type MappedError = { status: number; error: ErrorBody; headers: Record<string, string> };

/**
 * Map anything thrown to a user-facing error; unknown errors are logged and hidden. The message
 * is in `locale` when the error names its catalogue message (codes never change).
 */
export function toErrorBody(err: unknown, locale: Locale = DEFAULT_LOCALE): MappedError {
  const { ref, ...mapped } = mapError(err, locale);
  // A validation error is already in `locale` (its issues are translated before the field name is
  // put in front of the first one); everything else is translated here, once.
  const error = locale === DEFAULT_LOCALE || err instanceof z.ZodError ? mapped.error : inLocale(mapped.error, locale, ref);
  const retryAfter =
    err instanceof AppError && err.retryAfterSeconds !== undefined ? err.retryAfterSeconds : mapped.status === 503 ? RETRY_AFTER_SECONDS : undefined;
  return { ...mapped, error, headers: retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) } };
}

/**
 * The message in `locale`: by its catalogue reference when it has one, else from the phrasebook
 * (lib/i18n/phrasebook.ts), and so are the per-field messages; unknown words stay English.
 */
function inLocale(error: ErrorBody, locale: Locale, ref: ErrorRef | undefined): ErrorBody {
  const message = (ref ? translateRef(locale, ref) : null) ?? phrase(locale, error.message);
  const fields = error.details?.fields;
  if (!fields || typeof fields !== "object") return { ...error, message };
  const said = phraseFields(locale, fields as Record<string, string>);
  for (const [name, fieldRef] of Object.entries(ref?.fields ?? {})) {
    const text = name in said ? translateRef(locale, fieldRef) : null;
    if (text !== null) said[name] = text;
  }
  return { ...error, message, details: { ...error.details, fields: said } };
}

function mapError(err: unknown, locale: Locale): Omit<MappedError, "headers"> & { ref?: ErrorRef } {
  if (err instanceof AppError) return { status: err.status, error: { code: err.code, message: err.message, details: err.details }, ref: err.ref };
  if (err instanceof z.ZodError) {
    // Issue messages are translated here, before the field name is put in front of the first one.
    const fields: Record<string, string> = {};
    for (const issue of err.issues) fields[issue.path.join(".") || "_"] ??= phrase(locale, issue.message);
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    const message = first ? phrase(locale, first.message) : "invalid input";
    return { status: 422, error: { code: "validation", message: `${where}${message}`, details: { fields } } };
  }
  const prismaCode = (err as { code?: string })?.code;
  if (prismaCode === "P2002") return { status: 409, error: { code: "conflict", message: GENERIC.conflict.message }, ref: GENERIC.conflict.ref };
  if (prismaCode === "P2025") return { status: 404, error: { code: "not_found", message: GENERIC.notFound.message }, ref: GENERIC.notFound.ref };
  if (isDatabaseUnavailable(err)) {
    // One line, not a stack: an outage fails every request, and the cause is the same for all.
    console.error(`[db] database unavailable: ${(err as Error)?.message?.split("\n").at(-1) ?? String(err)}`);
    return { status: 503, error: { code: "unavailable", message: GENERIC.unavailable.message }, ref: GENERIC.unavailable.ref };
  }
  console.error(err);
  return { status: 500, error: { code: "internal", message: GENERIC.internal.message }, ref: GENERIC.internal.ref };
}
