// Issue 11: writes that used to race. Two identical claim files uploaded at once must store their
// claims once; crossed metadata edits of two articles must not deadlock. Real PostgreSQL, real
// parallel transactions, counted afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { updateArticle } from "@/lib/server/article-metadata";
import { bulkImport } from "@/lib/server/bulk-import";
import { toErrorBody } from "@/lib/server/errors";
import { setMember } from "@/lib/server/workspaces";
import { actorFor, importPassages, newUser, type TestUser } from "@/lib/test/helpers";

const jsonl = (rows: unknown[]) => new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join("\n"));
const cp = (text: string, quote: string) => Array.from(text.slice(0, text.indexOf(quote))).length;

/** Each call's outcome in order: its value, or the error body the API would answer. */
async function settle<T>(calls: (() => Promise<T>)[]) {
  const results = await Promise.allSettled(calls.map((c) => c()));
  return results.map((r) => (r.status === "fulfilled" ? { ok: true as const, value: r.value } : { ok: false as const, error: toErrorBody(r.reason) }));
}

describe("identical claim files uploaded at the same time", () => {
  let owner: TestUser;
  let ws: string;
  let file: Uint8Array;
  let articleId: string;
  const QUOTES = ["Triều Tiên đã chuyển đạn pháo cho Nga", "Điện Kremlin bác bỏ"];

  beforeAll(async () => {
    owner = await newUser("Racing uploads");
    ws = owner.workspace.id;
    const text = `Hội nghị ở Vladivostok\n\nNhà Trắng nói Triều Tiên đã chuyển đạn pháo cho Nga. Điện Kremlin bác bỏ thông tin này.`;
    const imported = await importPassages(owner, text, { title: "Racing uploads" });
    articleId = imported.articleId;
    const passage = imported.passages.find((p) => p.text.includes(QUOTES[0]!))!;
    file = jsonl(
      QUOTES.map((q, i) => ({
        articleId,
        passage: imported.passages.indexOf(passage),
        start: cp(passage.text, q),
        end: cp(passage.text, q) + Array.from(q).length,
        exact: q,
        claimType: i === 0 ? "arms_transfer" : "denial",
        modality: i === 0 ? "alleged" : "denied",
      })),
    );
  });

  it("stores each claim once over 6 parallel uploads; the others import nothing and name every line they skipped", async () => {
    const results = await settle(
      Array.from({ length: 6 }, () => async () => bulkImport(await actorFor(owner.user.id, ws), { fileName: "claims.jsonl", bytes: file })),
    );
    const stored = await getDb().annotation.findMany({ where: { workspaceId: ws, deletedAt: null }, select: { exact: true } });
    expect(stored.map((a) => a.exact).sort()).toEqual([...QUOTES].sort());
    const imported = results.filter((r) => r.ok);
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ value: { claims: 2 } });
    for (const r of results.filter((x) => !x.ok)) {
      // A clear 4xx listing both lines, never a 500 or a deadlock.
      expect(r.error.status).toBe(422);
      expect(r.error.error.message).toMatch(/claims\.jsonl: 2 problems found, so nothing from this file was imported/);
      expect(r.error.error.details?.errors).toEqual([
        expect.stringMatching(/^line 1: this claim \(Arms transfer, alleged, “Triều Tiên đã chuyển đạn pháo cho Nga”\) is already in the workspace/),
        expect.stringMatching(/^line 2: this claim \(Denial, denied, “Điện Kremlin bác bỏ”\) is already in the workspace/),
      ]);
    }
    expect(await getDb().auditEvent.count({ where: { workspaceId: ws, action: "annotation.create" } })).toBe(2);
    expect(await getDb().auditEvent.count({ where: { workspaceId: ws, action: "annotation.bulk_import" } })).toBe(1);
  });

  it("still lets a colleague import the same claims as their own (a second annotator's reading is not a duplicate)", async () => {
    const colleague = await newUser("Second reader");
    await setMember(owner.actor, { email: colleague.email, role: "EDITOR" });
    const result = await bulkImport(await actorFor(colleague.user.id, ws), { fileName: "claims.jsonl", bytes: file });
    expect(result).toMatchObject({ claims: 2 });
    const again = await settle([async () => bulkImport(await actorFor(colleague.user.id, ws), { fileName: "claims.jsonl", bytes: file })]);
    expect(again[0]).toMatchObject({ ok: false, error: { status: 422 } });
    expect(await getDb().annotation.count({ where: { workspaceId: ws, deletedAt: null } })).toBe(4);
  });
});

describe("metadata edits of two articles naming each other's new sources", () => {
  it("never deadlock: 10 rounds of crossed publisher/origin edits in parallel all succeed", async () => {
    const owner = await newUser("Crossed edits");
    const ws = owner.workspace.id;
    const a = await importPassages(owner, "Bài A\n\nNội dung bài A.", { title: "Bài A" });
    const b = await importPassages(owner, "Bài B\n\nNội dung bài B.", { title: "Bài B" });
    const versions = new Map([
      [a.articleId, 1],
      [b.articleId, 1],
    ]);
    for (let round = 0; round < 10; round++) {
      // A: publisher X, origins [Y, Z]; B: publisher Z, origins [Y, X]: all three new, named in crossed orders.
      const [x, y, z] = ["Xa", "Yên", "Zê"].map((n) => `${n} ${round}`) as [string, string, string];
      const edits = [
        { id: a.articleId, publisher: x, origins: [y, z] },
        { id: b.articleId, publisher: z, origins: [y, x] },
      ];
      const results = await settle(edits.map((e) => async () => updateArticle(await actorFor(owner.user.id, ws), { ...e, version: versions.get(e.id)! })));
      expect(results.map((r) => (r.ok ? "ok" : `${r.error.status} ${r.error.error.message}`))).toEqual(["ok", "ok"]);
      for (const r of results) if (r.ok) versions.set(r.value.id, r.value.version);
      const sources = await getDb().source.count({ where: { workspaceId: ws, name: { in: [x, y, z] } } });
      expect(sources).toBe(3);
    }
  });

  it("serializes parallel edits of one article on its row: one wins, the others get a 409 and change nothing", async () => {
    const owner = await newUser("Same article");
    const ws = owner.workspace.id;
    const a = await importPassages(owner, "Bài C\n\nNội dung bài C.", { title: "Bài C" });
    const results = await settle(
      Array.from(
        { length: 5 },
        (_, i) => async () =>
          updateArticle(await actorFor(owner.user.id, ws), { id: a.articleId, version: 1, publisher: `Nhà ${i}`, origins: [`Gốc ${i}`, `Gốc ${(i + 1) % 5}`] }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.status)).toEqual([409, 409, 409, 409]);
    const row = await getDb().article.findUniqueOrThrow({ where: { id: a.articleId }, select: { version: true, origins: { select: { sourceId: true } } } });
    expect(row).toMatchObject({ version: 2 });
    expect(row.origins).toHaveLength(2);
  });
});
