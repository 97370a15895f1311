import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

/** bcrypt work factor of every stored password hash (`prisma/seed.ts` uses the same). */
export const PASSWORD_HASH_COST = 10;

// Compared against when no account has the email, so that answer costs one full bcrypt run too.
// It must be a well-formed hash of the same cost: bcryptjs returns at once for a malformed one,
// which made a wrong password for an unknown email ~70 ms faster than for a real one.
// Its password is random and forgotten, so nothing matches it.
const dummyHash: Promise<string> = bcrypt.hash(randomBytes(32).toString("base64url"), PASSWORD_HASH_COST);

/** The stand-in hash used for unknown emails (exported for its test). */
export function dummyPasswordHash(): Promise<string> {
  return dummyHash;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_HASH_COST);
}

/** Whether `password` matches `hash`; without a hash (no such account) the same work is done and the answer is false. */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? (await dummyHash));
  return hash !== null && ok;
}
