// Shared set-up for integration tests: fresh accounts, articles and claims, AppError assertions.
import { expect } from "vitest";
import { requireMember } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { quoteSpan } from "@/lib/domain/anchoring";
import { createAnnotation } from "@/lib/server/annotations";
import { importArticle } from "@/lib/server/articles";
import { AppError, toErrorBody } from "@/lib/server/errors";
import { signUp } from "@/lib/server/users";
import { listClaimTypes } from "@/lib/server/workspaces";
import type { CreateAnnotationInput, ImportArticleInput } from "@/lib/validation/schemas";

let n = 0;

/** A new account with its own workspace (owner), its email, and the owner as an Actor. */
export async function newUser(name = "Editor") {
  n += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${n}-${Date.now()}@test.local`;
  const { user, workspace } = await signUp({ name, email, password: "correct horse" });
  return { user, workspace, email, actor: await requireMember(user.id, workspace.id) };
}

/** The member acting as `userId` in `workspaceId` (rejects like the services used to for outsiders). */
export function actorFor(userId: string | null, workspaceId: string) {
  return requireMember(userId, workspaceId);
}

/** Assert that `p` rejects with an AppError of `code` (and a message matching `message`). */
export async function expectAppError(p: Promise<unknown>, code: string, message?: RegExp): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
  return err as AppError;
}

/** Assert that `p` fails as the API would answer it: `status` with an error on `field` (matching `message`). */
export async function expectFieldError(p: Promise<unknown>, field: string, message: RegExp = /./, status = 422) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected a ${status} on ${field}`).not.toBeNull();
  const body = toErrorBody(err);
  expect(body.status, JSON.stringify(body.error)).toBe(status);
  expect((body.error.details?.fields as Record<string, string> | undefined)?.[field], JSON.stringify(body.error.details)).toMatch(message);
  return body.error;
}

export type TestUser = Awaited<ReturnType<typeof newUser>>;

/** Import `text` (paragraphs separated by blank lines) into `owner`'s workspace; its id and passages in order. */
export async function importPassages(owner: TestUser, text: string, meta: Omit<ImportArticleInput, "text"> = { title: "Test article" }) {
  const { id } = await importArticle(owner.actor, { ...meta, text });
  const passages = await getDb().passage.findMany({ where: { articleId: id }, select: { id: true, text: true }, orderBy: { position: "asc" } });
  return { articleId: id, passages };
}

type ClaimExtra = Omit<CreateAnnotationInput, "passageId" | "start" | "end" | "exact" | "claimTypeId" | "modality"> & {
  modality?: CreateAnnotationInput["modality"];
};

/** Mark the first occurrence of `quote` in whichever passage holds it, as a claim of type `typeKey`. */
export async function markQuote(owner: TestUser, passages: { id: string; text: string }[], quote: string, typeKey: string, extra: ClaimExtra = {}) {
  const passage = passages.find((p) => p.text.includes(quote));
  if (!passage) throw new Error(`quote not found: ${quote}`);
  const types = await listClaimTypes(owner.actor);
  const type = types.find((t) => t.key === typeKey);
  if (!type) throw new Error(`no claim type ${typeKey}`);
  return createAnnotation(owner.actor, {
    modality: "REPORTED",
    ...extra,
    passageId: passage.id,
    ...quoteSpan(passage.text, quote)!,
    exact: quote,
    claimTypeId: type.id,
  });
}

/** The one element of `xs`; throws unless it holds exactly one. */
export function only<T>(xs: readonly T[]): T {
  if (xs.length !== 1) throw new Error(`expected exactly one element, got ${xs.length}`);
  return xs[0] as T;
}

/** Element `i` of `xs`; throws if there is none. */
export function at<T>(xs: readonly T[], i: number): T {
  if (!Number.isInteger(i) || i < 0 || i >= xs.length) throw new Error(`no element ${i} of ${xs.length}`);
  return xs[i] as T;
}

type Tuple<T, N extends number, R extends T[] = []> = R["length"] extends N ? R : Tuple<T, N, [...R, T]>;

/** The first `n` elements of `xs` as a tuple, for destructuring; throws if there are fewer. */
export function take<T, N extends number>(xs: readonly T[], n: N): Tuple<T, N> {
  if (xs.length < n) throw new Error(`expected at least ${n} elements, got ${xs.length}`);
  return xs.slice(0, n) as Tuple<T, N>;
}

/** The value under `key` in `record`; throws if there is none. */
export function entry<T>(record: Readonly<Record<string, T>>, key: string): T {
  if (!Object.hasOwn(record, key)) throw new Error(`no key ${JSON.stringify(key)} among ${JSON.stringify(Object.keys(record))}`);
  return record[key] as T;
}
