import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import common from "@/lib/auth/common-passwords.json";
import { AppError } from "@/lib/server/errors";

/** bcrypt work factor of every stored password hash (`prisma/seed.ts` uses the same). */
export const PASSWORD_HASH_COST = 10;

// bcrypt reads at most 72 bytes: a 128-character password (or 25 Vietnamese characters of 3
// bytes each) would be cut, so two passwords sharing their first 72 bytes would both match.
// New hashes are therefore of HMAC-SHA-256 (base64: 44 ASCII bytes, no NUL) of the NFC password,
// and carry this marker before the bcrypt hash. Hashes without it (accounts made before, and the
// demo seed) are plain bcrypt and are still compared as they were, so no account stops working;
// they take the new form when the password next changes. The HMAC key is fixed, not a secret:
// it separates this use of SHA-256, and a rotated AUTH_SECRET can never lock everyone out.
const PREHASHED = "$hmac-sha256$";
const PREHASH_KEY = "claims-annotator/password/v1";

function prehash(password: string): string {
  return createHmac("sha256", PREHASH_KEY).update(password.normalize("NFC"), "utf8").digest("base64");
}

// Compared against when no account has the email, so that answer costs one full bcrypt run too.
// It must be a well-formed hash of the same cost and form: bcryptjs returns at once for a
// malformed one, which made a wrong password for an unknown email ~70 ms faster than for a real one.
// Its password is random and forgotten, so nothing matches it.
const dummyHash: Promise<string> = hashPassword(randomBytes(32).toString("base64url"));

/** The stand-in hash used for unknown emails (exported for its test). */
export function dummyPasswordHash(): Promise<string> {
  return dummyHash;
}

/** The stored form of a new password: marker + bcrypt of its HMAC-SHA-256 (any length, no 72-byte cut). */
export async function hashPassword(password: string): Promise<string> {
  return PREHASHED + (await bcrypt.hash(prehash(password), PASSWORD_HASH_COST));
}

/** Whether `password` matches `hash` (either stored form); without a hash (no such account) the same work is done and the answer is false. */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  const stored = hash ?? (await dummyHash);
  const ok = stored.startsWith(PREHASHED) ? await bcrypt.compare(prehash(password), stored.slice(PREHASHED.length)) : await bcrypt.compare(password, stored);
  return hash !== null && ok;
}

const LONG = new Set(common.long);
const TOP = new Set(common.top);

/**
 * Whether a password is, or is built only from, one of the most common passwords in published
 * breaches (ASVS 4.0.3 V2.1.7, offline: the bundled list in common-passwords.json). Ignoring case:
 * a listed password of 12 or more characters; one of the top 1,000 with only digits and symbols
 * around it ("password1234", "!iloveyou2026"); a word repeated ("dragondragon"), or 1–3
 * characters repeated ("aaaaaaaaaaaa", "abcabcabcabc").
 */
export function isCommonPassword(password: string): boolean {
  const p = password.normalize("NFC").toLowerCase();
  if (LONG.has(p)) return true;
  const core = p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (TOP.has(core)) return true;
  const unit = /^(.+?)\1+$/su.exec(p)?.[1];
  return unit !== undefined && (Array.from(unit).length <= 3 || TOP.has(unit) || LONG.has(unit));
}

/** Refuse a new password found by `isCommonPassword`, naming the form field. */
export function assertUncommonPassword(password: string, field: string): void {
  if (!isCommonPassword(password)) return;
  throw new AppError("validation", "Choose another password: this one is among the most common in published data breaches", {
    fields: { [field]: "This password is among the most common in data breaches; choose another (a few unrelated words work well)" },
  });
}
