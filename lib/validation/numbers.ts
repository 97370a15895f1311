import { z } from "zod";

/** The largest value a PostgreSQL integer column holds (2³¹ − 1): versions, offsets, positions. */
export const MAX_DB_INT = 2_147_483_647;

const atMost = `at most ${MAX_DB_INT.toLocaleString("en")}`;

/** A whole number a PostgreSQL integer column can hold, from `min`, with messages naming `name`. */
export const dbInt = (name: string, min: number) =>
  z
    .number(`${name} must be a number`)
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be ${min} or more`)
    .max(MAX_DB_INT, `${name} can be ${atMost}`);

/** The same read from a query string ("3" → 3). */
export const dbIntQuery = (name: string, min: number) =>
  z.coerce
    .number(`${name} must be a number`)
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be ${min} or more`)
    .max(MAX_DB_INT, `${name} can be ${atMost}`);

/** A record's version as read; a stale one is a 409 in the service. */
export const versionSchema = dbInt("version", 1);
