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

/** The user with these credentials, or null; timing does not reveal whether the email exists. */
export async function verifyCredentials(email: string, password: string) {
  const user = await getDb().user.findUnique({ where: { email: email.toLowerCase() }, select: { ...userPublicSelect, passwordHash: true } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? "$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinval");
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}
