import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// SQL fragments shared by the reads that shape rows as JSON in PostgreSQL (annotation views,
// mention rows, exports). Arguments are code constants (column names, aliases), never input.

/** A timestamp column as the ISO string JSON.stringify gives a Date (UTC, milliseconds). */
export const isoSql = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A source (or any row with id, name and kind) under `alias`, as { id, name, kind }. */
export const refSql = (alias: string) => Prisma.raw(`json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'kind', ${alias}.kind)`);
