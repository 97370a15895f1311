import "server-only";
import bcrypt from "bcryptjs";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/server/errors";
import { signUpSchema } from "@/lib/validation/schemas";
import { createWorkspace } from "@/lib/server/workspaces";

export const userPublicSelect = { id: true, email: true, name: true } as const;

/** Create an account and its first workspace (the creator owns it). */
export async function signUp(input: unknown) {
  const data = signUpSchema.parse(input);
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", "An account with this email already exists; sign in instead", { fields: { email: "Already registered" } });
  const passwordHash = await bcrypt.hash(data.password, 10);
  const user = await db.user.create({ data: { email: data.email, name: data.name, passwordHash }, select: userPublicSelect });
  const workspace = await createWorkspace(user.id, { name: `${data.name}'s desk` });
  return { user, workspace };
}

/** Failed sign-ins allowed per email within the window before further attempts are refused. */
export const SIGN_IN_LIMIT = { failures: 10, windowMinutes: 15 } as const;

/** Minutes until this email may try again, or null when it is not throttled. */
export async function signInBlockedFor(email: string): Promise<number | null> {
  const since = new Date(Date.now() - SIGN_IN_LIMIT.windowMinutes * 60_000);
  const recent = await getDb().signInFailure.findMany({
    where: { email: email.toLowerCase(), at: { gte: since } },
    select: { at: true },
    orderBy: { at: "desc" },
    take: SIGN_IN_LIMIT.failures,
  });
  const last = recent.at(-1);
  if (recent.length < SIGN_IN_LIMIT.failures || !last) return null;
  const oldest = last.at.getTime();
  return Math.max(1, Math.ceil((oldest + SIGN_IN_LIMIT.windowMinutes * 60_000 - Date.now()) / 60_000));
}

/** The user with these credentials, or null; timing does not reveal whether the email exists. */
export async function verifyCredentials(email: string, password: string) {
  const key = email.toLowerCase();
  // Throttled emails are refused before the (deliberately slow) hash comparison.
  if ((await signInBlockedFor(key)) !== null) return null;
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: key }, select: { ...userPublicSelect, passwordHash: true } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? "$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinval");
  if (!user || !ok) {
    const cutoff = new Date(Date.now() - SIGN_IN_LIMIT.windowMinutes * 60_000);
    await db.$transaction([db.signInFailure.deleteMany({ where: { email: key, at: { lt: cutoff } } }), db.signInFailure.create({ data: { email: key } })]);
    return null;
  }
  await db.signInFailure.deleteMany({ where: { email: key } });
  return { id: user.id, email: user.email, name: user.name };
}
