"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { runAction, type ActionResult } from "@/lib/server/action";
import { AppError } from "@/lib/server/errors";
import { signInBlockedFor, signUp } from "@/lib/server/users";
import { signInSchema } from "@/lib/validation/schemas";

export async function signInAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    const data = signInSchema.parse(input);
    const wait = await signInBlockedFor(data.email);
    if (wait !== null) {
      throw new AppError("rate_limited", `Too many failed sign-ins for this email. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`);
    }
    try {
      await signIn("credentials", { ...data, redirect: false });
    } catch (err) {
      if (err instanceof AuthError) throw new AppError("unauthorized", "That email and password do not match an account");
      throw err;
    }
    return null;
  });
}

export async function signUpAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  return runAction(async () => {
    const { workspace } = await signUp(input);
    const { email, password } = input as { email: string; password: string };
    await signIn("credentials", { email, password, redirect: false });
    return { slug: workspace.slug };
  });
}
