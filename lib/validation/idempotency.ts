import { z } from "zod";

/** The longest Idempotency-Key accepted, in characters. */
export const IDEMPOTENCY_KEY_MAX = 200;

/** An idempotency key as a client sends it: 1–200 printable ASCII characters (a UUID fits). */
export const idempotencyKeySchema = z
  .string()
  .min(1, "An idempotency key cannot be empty")
  .max(IDEMPOTENCY_KEY_MAX, `An idempotency key can be at most ${IDEMPOTENCY_KEY_MAX} characters`)
  .regex(/^[\x20-\x7e]+$/, "An idempotency key can hold only printable ASCII characters");

/** The options of a create that a client may repeat: the key it made when its form opened. */
export const idempotencyOptionsSchema = z.object({ idempotencyKey: idempotencyKeySchema.optional() }).strict();
