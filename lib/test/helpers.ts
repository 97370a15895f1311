// Shared set-up for integration tests: fresh accounts and AppError assertions.
import { expect } from "vitest";
import { requireMember } from "@/lib/auth/membership";
import { AppError } from "@/lib/server/errors";
import { signUp } from "@/lib/server/users";

let n = 0;

/** A new account with its own workspace (owner), its email, and the owner as an Actor. */
export async function newUser(name = "Editor") {
  n += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${n}-${Date.now()}@test.local`;
  const { user, workspace } = await signUp({ name, email, password: "correct horse" });
  return { user, workspace, email, actor: await requireMember(user.id, workspace.id) };
}

/** Assert that `p` rejects with an AppError of `code` (and a message matching `message`). */
export async function expectAppError(p: Promise<unknown>, code: string, message?: RegExp): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
  return err as AppError;
}
