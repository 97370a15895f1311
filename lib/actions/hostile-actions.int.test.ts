// Issue 11 for server actions: whatever a hand-made request sends, an action answers
// `{ ok: false, error }` with the field named (never throws, never a 500), and stores nothing.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAnnotationAction, searchSpeakersAction } from "@/lib/actions/annotations";
import { signInAction, signUpAction } from "@/lib/actions/auth";
import { bulkImportAction } from "@/lib/actions/bulk-import";
import { createEntityAction, searchEntitiesAction } from "@/lib/actions/entities";
import { getDb } from "@/lib/db/client";
import { countRows, type Fixture, seedFixture } from "@/lib/test/endpoint-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null, signIns: 0 }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
  signIn: async () => {
    session.signIns += 1;
  },
  signOut: async () => undefined,
  SignInThrottled: class SignInThrottled extends Error {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// next-auth's own entry needs Next's runtime; the actions only use its error class.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

const NUL = /NUL character/;
const SURROGATE = /unpaired surrogate/;

describe("server actions on hostile input", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture();
  });
  beforeEach(() => {
    session.userId = fx.owner.user.id;
  });

  it("refuse a NUL or a lone surrogate anywhere in the input, naming the field, and store nothing", async () => {
    const before = await countRows(fx.ws);
    const named = await createEntityAction(fx.ws, { name: "Kim\u0000", kind: "PERSON" });
    expect(named).toMatchObject({ ok: false, error: { code: "validation", details: { fields: { name: expect.stringMatching(NUL) } } } });
    const claim = await createAnnotationAction(fx.ws, {
      passageId: fx.ids.passage,
      start: 0,
      end: 3,
      claimTypeId: fx.ids.claimType,
      modality: "REPORTED",
      fields: { quantities: [{ value: "năm", item: "giờ\uD83D" }] },
    });
    expect(claim).toMatchObject({
      ok: false,
      error: { code: "validation", details: { fields: { "fields.quantities.0.item": expect.stringMatching(SURROGATE) } } },
    });
    expect(await countRows(fx.ws)).toEqual(before);
  });

  it("refuse a bad string argument and bad FormData fields the same way", async () => {
    expect(await searchEntitiesAction(fx.ws, "Kim\u0000")).toMatchObject({ ok: false, error: { code: "validation", message: expect.stringMatching(NUL) } });
    expect(await searchSpeakersAction(fx.ws, "\uDE80")).toMatchObject({ ok: false, error: { code: "validation" } });
    const form = new FormData();
    form.set("file", new File([JSON.stringify({ text: "Title\n\nBody.", title: "T" })], "a.jsonl"));
    form.set("kind", "articles\u0000");
    expect(await bulkImportAction(fx.ws, form)).toMatchObject({
      ok: false,
      error: { code: "validation", details: { fields: { kind: expect.stringMatching(NUL) } } },
    });
  });

  it("answer malformed arguments with { ok: false }, never by throwing", async () => {
    // What a crafted request can decode to: anything where the form would send an object.
    const inputs: unknown[] = [undefined, null, 42, "text", [], [{}], { name: { toString: "x" } }, { name: "x".repeat(100_000) }];
    for (const input of inputs) {
      const res = await (createEntityAction as (ws: unknown, input: unknown) => Promise<{ ok: boolean }>)(fx.ws, input);
      expect(res.ok, JSON.stringify(input)?.slice(0, 80)).toBe(false);
    }
    for (const workspaceId of [undefined, {}, "\u0000", "not-an-id", crypto.randomUUID()]) {
      const res = await (createEntityAction as (ws: unknown, input: unknown) => Promise<unknown>)(workspaceId, { name: "Kim" });
      expect(res).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    session.userId = null;
    expect(await createEntityAction(fx.ws, { name: "Kim\u0000" })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });

  it("sign-up and sign-in go through schemas that refuse NUL and lone surrogates", async () => {
    session.userId = null;
    const email = `hostile-${Date.now()}@test.local`;
    const signUp = await signUpAction({ name: "Kim\u0000", email, password: "correct horse" });
    expect(signUp).toMatchObject({ ok: false, error: { code: "validation", details: { fields: { name: expect.stringMatching(NUL) } } } });
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    const password = await signUpAction({ name: "Kim", email, password: "correct horse\uD83D" });
    expect(password).toMatchObject({ ok: false, error: { details: { fields: { password: expect.stringMatching(SURROGATE) } } } });
    const signIn = await signInAction({ email: fx.owner.email, password: "x\u0000" });
    expect(signIn).toMatchObject({ ok: false, error: { code: "validation", details: { fields: { password: expect.stringMatching(NUL) } } } });
    expect(session.signIns).toBe(0);
  });
});
