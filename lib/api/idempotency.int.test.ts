// Issue 11: creates a client repeats (a retry after a timeout, a double click) happen once.
// Through the REST API with an Idempotency-Key header, and through the reader's server action.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as articlesRoute from "@/app/api/v1/workspaces/[workspaceId]/articles/route";
import * as invitationsRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as propositionsRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/route";
import { createPropositionAction } from "@/lib/actions/propositions";
import { getDb } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/api-tokens";
import { IdempotencyKeyInFlight, withIdempotency } from "@/lib/server/idempotency";
import { call, type Call } from "@/lib/test/api-client";
import { expectAppError, importPassages, markQuote, newUser, type TestUser } from "@/lib/test/helpers";

// The browser session the server action reads; API calls here use a token.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Idempotency-Key on API creates", () => {
  let owner: TestUser;
  let ws: string;
  let token: string;
  let claimId: string;
  let n = 0;
  beforeAll(async () => {
    owner = await newUser("Retrying desk");
    ws = owner.workspace.id;
    token = (await createApiToken(owner.actor, { name: "script", role: "EDITOR" })).token;
    const { passages } = await importPassages(owner, "Triều Tiên đã chuyển đạn pháo cho Nga.\n\nĐiện Kremlin bác bỏ.", { title: "Đạn pháo" });
    claimId = (await markQuote(owner, passages, "Triều Tiên đã chuyển đạn pháo cho Nga", "arms_transfer")).id;
  });

  const post = (key: string | null, body: unknown, extra: Call = {}) =>
    call(propositionsRoute.POST, `/workspaces/${ws}/propositions`, {
      method: "POST",
      token,
      params: { workspaceId: ws },
      body,
      headers: key === null ? {} : { "Idempotency-Key": key },
      ...extra,
    });
  const propositions = (statement: string) => getDb().proposition.count({ where: { workspaceId: ws, statement } });
  const fresh = () => {
    n += 1;
    return { key: `key-${n}-${crypto.randomUUID()}`, statement: `Bình Nhưỡng gửi đạn pháo ${n}` };
  };

  it("creates one proposition from 10 parallel POSTs with one key; each answer is that 201, replayed, or a 409 to retry", async () => {
    const { key, statement } = fresh();
    const body = { annotationId: claimId, statement, stance: "SUPPORTS" };
    const first = await Promise.all(Array.from({ length: 10 }, () => post(key, body)));
    for (const res of first) {
      expect([201, 409], res.text).toContain(res.status);
      if (res.status === 409) {
        expect(res.headers.get("retry-after")).toBe("1");
        expect(res.body.error).toMatchObject({ code: "conflict", message: "A request with this Idempotency-Key is still running; retry shortly" });
      }
    }
    // Retrying every 409 (sooner than Retry-After, to keep the test short) ends in the same 201.
    const answers = [];
    for (let res of first) {
      for (let i = 0; res.status === 409 && i < 50; i++) {
        await sleep(50);
        res = await post(key, body);
      }
      answers.push(res);
    }
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => 201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]?.body).toMatchObject({ statement });
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === null)).toHaveLength(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(9);
    expect(await propositions(statement)).toBe(1);
    const id = answers[0]?.body.id as string;
    expect(await getDb().auditEvent.count({ where: { workspaceId: ws, action: "proposition.create", entityId: id } })).toBe(1);
  });

  it("answers the same key with another body (or path) 422, and creates nothing", async () => {
    const { key, statement } = fresh();
    expect((await post(key, { annotationId: claimId, statement })).status).toBe(201);
    const other = await post(key, { annotationId: claimId, statement: `${statement}, khác` });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: "validation", message: "This Idempotency-Key was used for a different request" });
    const elsewhere = await call(articlesRoute.POST, `/workspaces/${ws}/articles`, {
      method: "POST",
      token,
      params: { workspaceId: ws },
      body: { text: "Một bài khác hẳn.", title: "Khác" },
      headers: { "Idempotency-Key": key },
    });
    expect(elsewhere.status).toBe(422);
    expect(await propositions(`${statement}, khác`)).toBe(0);
    expect(await getDb().article.count({ where: { workspaceId: ws, title: "Khác" } })).toBe(0);
    // The same body in another key order is the same request.
    const reordered = await post(key, { statement, annotationId: claimId });
    expect(reordered.status).toBe(201);
    expect(reordered.headers.get("idempotent-replayed")).toBe("true");
  });

  it("creates twice without a key, and refuses a key that is empty, too long or not printable ASCII", async () => {
    const { statement } = fresh();
    for (let i = 0; i < 2; i++) expect((await post(null, { annotationId: claimId, statement })).status).toBe(201);
    expect(await propositions(statement)).toBe(2);
    for (const bad of ["", "x".repeat(201), "khóa-một"]) {
      // Headers must be ByteStrings, so a non-ASCII key arrives as its UTF-8 bytes read as Latin-1.
      const sent = bad === "khóa-một" ? new TextDecoder("latin1").decode(new TextEncoder().encode(bad)) : bad;
      const res = await post(sent, { annotationId: claimId, statement: `${statement} (bad key)` });
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.body.error.details.fields).toHaveProperty(["Idempotency-Key"]);
    }
    expect(await propositions(`${statement} (bad key)`)).toBe(0);
    expect((await post("x".repeat(200), { annotationId: claimId, statement: `${statement} (200)` })).status).toBe(201);
  });

  it("frees the key of a failed request, so the fixed retry runs", async () => {
    const { key, statement } = fresh();
    const missing = await post(key, { annotationId: crypto.randomUUID(), statement });
    expect(missing.status).toBe(404);
    const fixed = await post(key, { annotationId: claimId, statement });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
    expect(await propositions(statement)).toBe(1);
  });

  it("replays an article import instead of calling the repeat a duplicate", async () => {
    const { key } = fresh();
    const send = () =>
      call(articlesRoute.POST, `/workspaces/${ws}/articles`, {
        method: "POST",
        token,
        params: { workspaceId: ws },
        body: { text: `Bài nhập lại ${key}.\n\nĐoạn hai.`, title: `Nhập lại ${key}` },
        headers: { "Idempotency-Key": key },
      });
    const once = await send();
    const again = await send();
    expect([once.status, again.status]).toEqual([201, 201]);
    expect(again.text).toBe(once.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await getDb().article.count({ where: { workspaceId: ws, title: `Nhập lại ${key}` } })).toBe(1);
  });

  it("forgets a key after 24 hours, and prunes expired keys as new ones are reserved", async () => {
    const { key, statement } = fresh();
    expect((await post(key, { annotationId: claimId, statement })).status).toBe(201);
    const db = getDb();
    await db.$executeRaw`UPDATE "IdempotencyKey" SET "createdAt" = now() - interval '25 hours' WHERE "workspaceId" = ${ws}::uuid AND key = ${key}`;
    const later = await post(key, { annotationId: claimId, statement: `${statement}, hôm sau` });
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();

    const old = fresh();
    expect((await post(old.key, { annotationId: claimId, statement: old.statement })).status).toBe(201);
    await db.$executeRaw`UPDATE "IdempotencyKey" SET "createdAt" = now() - interval '25 hours' WHERE "workspaceId" = ${ws}::uuid AND key = ${old.key}`;
    const next = fresh();
    expect((await post(next.key, { annotationId: claimId, statement: next.statement })).status).toBe(201);
    expect(await db.idempotencyKey.count({ where: { workspaceId: ws, key: old.key } })).toBe(0);
  });

  it("ignores the header on creates whose answer holds a secret, and stores no secret", async () => {
    const key = `invite-${crypto.randomUUID()}`;
    const invite = () =>
      call(invitationsRoute.POST, `/workspaces/${ws}/invitations`, {
        method: "POST",
        params: { workspaceId: ws },
        body: { role: "VIEWER" },
        headers: { "Idempotency-Key": key },
      });
    session.userId = owner.user.id;
    const [a, b] = [await invite(), await invite()];
    session.userId = null;
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.token).not.toBe(b.body.token);
    expect(await getDb().idempotencyKey.count({ where: { workspaceId: ws, key } })).toBe(0);
  });

  it("documents the optional header on every create but those, and the replay header", async () => {
    const { body: doc } = await call(openapiRoute.GET, "/openapi.json");
    type Op = { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, { headers?: object; description: string }> };
    const ops = Object.entries<Record<string, Op & { responses: Record<string, unknown> }>>(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ path, method, op })),
    );
    const withHeader = ops.filter(({ op }) => op.parameters.some((p) => p.name === "Idempotency-Key"));
    const creates = ops.filter(({ method, op }) => method === "post" && "201" in op.responses);
    expect(withHeader.map((o) => o.path).sort()).toEqual(
      creates
        .map((o) => o.path)
        .filter((p) => p !== "/tokens" && p !== "/workspaces/{workspaceId}/invitations")
        .sort(),
    );
    expect(withHeader.length).toBeGreaterThan(10);
    for (const { op } of withHeader) {
      expect(op.parameters.find((p) => p.name === "Idempotency-Key")).toMatchObject({ in: "header", required: false });
      expect(op.responses["201"]?.headers).toHaveProperty(["Idempotent-Replayed"]);
      expect(op.responses["409"]?.description).toMatch(/still running/);
      expect(op.responses["422"]?.description).toMatch(/different request/);
    }
    expect(doc.info.description).toMatch(/Idempotency-Key/);
  });
});

describe("the reader's “New proposition from this claim”", () => {
  let owner: TestUser;
  let ws: string;
  let claimId: string;
  beforeAll(async () => {
    owner = await newUser("Double clicker");
    ws = owner.workspace.id;
    const { passages } = await importPassages(owner, "Ông Kim nhận năm UAV tấn công.\n\nĐoạn hai.", { title: "UAV" });
    claimId = (await markQuote(owner, passages, "Ông Kim nhận năm UAV tấn công", "gift")).id;
  });
  beforeEach(() => {
    session.userId = owner.user.id;
  });

  it("creates one proposition from a double submit and a retry with the form's key, all answering it", async () => {
    const idempotencyKey = crypto.randomUUID();
    const input = { annotationId: claimId, statement: "Kim nhận UAV", stance: "SUPPORTS" as const };
    const [a, b] = await Promise.all([createPropositionAction(ws, input, { idempotencyKey }), createPropositionAction(ws, input, { idempotencyKey })]);
    const retry = await createPropositionAction(ws, input, { idempotencyKey });
    for (const r of [a, b, retry]) expect(r.ok, JSON.stringify(r)).toBe(true);
    const ids = [a, b, retry].map((r) => (r.ok ? r.data.id : null));
    expect(new Set(ids).size).toBe(1);
    expect(await getDb().proposition.count({ where: { workspaceId: ws, statement: "Kim nhận UAV" } })).toBe(1);
    expect(await getDb().mentionLink.count({ where: { annotationId: claimId } })).toBe(1);

    const changed = await createPropositionAction(ws, { ...input, statement: "Kim nhận sáu UAV" }, { idempotencyKey });
    expect(changed).toMatchObject({ ok: false, error: { code: "validation", message: "This Idempotency-Key was used for a different request" } });
    // A new opening of the form has a new key, so it creates another.
    const reopened = await createPropositionAction(ws, { ...input, statement: "Kim nhận sáu UAV" }, { idempotencyKey: crypto.randomUUID() });
    expect(reopened.ok).toBe(true);
  });

  it("refuses a malformed key from the client", async () => {
    const r = await createPropositionAction(ws, { annotationId: claimId, statement: "Khóa hỏng" }, { idempotencyKey: "x".repeat(201) });
    expect(r).toMatchObject({ ok: false, error: { code: "validation", details: { fields: { idempotencyKey: expect.any(String) } } } });
    expect(await getDb().proposition.count({ where: { workspaceId: ws, statement: "Khóa hỏng" } })).toBe(0);
  });
});

describe("withIdempotency", () => {
  let owner: TestUser;
  beforeAll(async () => {
    owner = await newUser("Service");
  });
  const answer = (body: { n: number }) => async () => ({ status: 201, body });

  it("tells a request still running apart (409), waits for it when asked, and reruns one abandoned for 10 minutes", async () => {
    const key = crypto.randomUUID();
    let finish = () => {};
    const slow = withIdempotency(owner.actor, { key, fingerprint: "f" }, async () => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return { status: 201, body: { n: 1 } };
    });
    await sleep(100);
    const err = await expectAppError(withIdempotency(owner.actor, { key, fingerprint: "f" }, answer({ n: 2 })), "conflict", /still running/);
    expect(err).toBeInstanceOf(IdempotencyKeyInFlight);
    const waiting = withIdempotency(owner.actor, { key, fingerprint: "f" }, answer({ n: 3 }), { waitMs: 5000 });
    await sleep(150);
    finish();
    expect(await slow).toEqual({ status: 201, body: { n: 1 }, replayed: false });
    expect(await waiting).toEqual({ status: 201, body: { n: 1 }, replayed: true });

    const crashed = crypto.randomUUID();
    const db = getDb();
    await db.$executeRaw`
      INSERT INTO "IdempotencyKey" ("workspaceId", "userId", key, fingerprint, "createdAt")
      VALUES (${owner.workspace.id}::uuid, ${owner.user.id}::uuid, ${crashed}, 'f', now() - interval '11 minutes')`;
    expect(await withIdempotency(owner.actor, { key: crashed, fingerprint: "f" }, answer({ n: 4 }))).toEqual({ status: 201, body: { n: 4 }, replayed: false });
  });

  it("stores only 2xx answers: another status frees the key", async () => {
    const key = crypto.randomUUID();
    expect(await withIdempotency(owner.actor, { key, fingerprint: "g" }, async () => ({ status: 409, body: { n: 0 } }))).toMatchObject({ status: 409 });
    expect(await withIdempotency(owner.actor, { key, fingerprint: "other" }, answer({ n: 5 }))).toEqual({ status: 201, body: { n: 5 }, replayed: false });
  });
});
