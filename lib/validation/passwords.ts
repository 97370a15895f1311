import { z } from "zod";
import { storableText } from "@/lib/validation/text-guard";

// The rule for every password a user chooses, at sign-up and when changing it (OWASP ASVS 4.0.3
// V2.1.1–V2.1.4, V2.1.9): length only, no composition rules; any printable Unicode, spaces too.
// Existing passwords are not held to it: sign-in takes any password (signInSchema).

/** Fewest characters of a new password (code points, runs of spaces counted as one). */
export const PASSWORD_MIN_LENGTH = 12;
/** Most characters of a new password (code points); bcrypt's 72-byte limit is handled by pre-hashing (lib/auth/passwords.ts). */
export const PASSWORD_MAX_LENGTH = 128;

/** The length ASVS V2.1.1 counts: code points, after runs of whitespace are combined. */
export function passwordLength(password: string): number {
  return Array.from(password.replace(/\s+/gu, " ")).length;
}

export const newPasswordSchema = z
  .string()
  .superRefine(storableText)
  .refine((p) => passwordLength(p) >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters (a few words make a good one)`)
  .refine((p) => Array.from(p).length <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);
