import { z } from "zod";

export type ErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "too_large" | "rate_limited" | "validation";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  validation: 422,
};

/** An error whose message is safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export type ErrorBody = { code: ErrorCode | "internal"; message: string; details?: Record<string, unknown> };

/** Map anything thrown to a user-facing error; unknown errors are logged and hidden. */
export function toErrorBody(err: unknown): { status: number; error: ErrorBody } {
  if (err instanceof AppError) return { status: err.status, error: { code: err.code, message: err.message, details: err.details } };
  if (err instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return { status: 422, error: { code: "validation", message: `${where}${first?.message ?? "invalid input"}`, details: { fields } } };
  }
  const prismaCode = (err as { code?: string })?.code;
  if (prismaCode === "P2002") return { status: 409, error: { code: "conflict", message: "That already exists" } };
  if (prismaCode === "P2025") return { status: 404, error: { code: "not_found", message: "Not found" } };
  console.error(err);
  return { status: 500, error: { code: "internal", message: "Something went wrong on our side; nothing was saved." } };
}
