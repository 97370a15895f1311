// Issue 11: what many people (or one impatient client) doing the same thing at once must not break.
// Every case runs its calls in parallel on a real PostgreSQL and counts what was stored.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { importArticle } from "@/lib/server/articles";
import { bulkImport } from "@/lib/server/bulk-import";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { actorFor, importPassages, markQuote, newUser, type TestUser } from "@/lib/test/helpers";

const utf8 = (s: string) => new TextEncoder().encode(s);
const jsonl = (rows: unknown[]) => utf8(rows.map((r) => JSON.stringify(r)).join("\n"));
const article = (tag: string) => `Tin số ${tag}\n\nĐoạn mở đầu của bản tin ${tag} về hội nghị thượng đỉnh.\n\nĐoạn thứ hai của bản tin ${tag}.`;

/** Each call's outcome, so a failure shows which calls failed and why instead of the first rejection. */
async function settle<T>(calls: (() => Promise<T>)[]) {
  const results = await Promise.allSettled(calls.map((c) => c()));
  const failures = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
  return { values: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])), failures };
}

describe("parallel imports naming the same new publisher and origins", () => {
  let owner: TestUser;
  let ws: string;
  beforeAll(async () => {
    owner = await newUser("Busy desk");
    ws = owner.workspace.id;
  });

  it("stores all 20 articles with one publisher and one origin (written any way), each created and audited once", async () => {
    const spellings = ["Báo Mới Toanh", "BÁO MỚI TOANH", "bao moi toanh"];
    const { values, failures } = await settle(
      Array.from(
        { length: 20 },
        (_, i) => async () =>
          importArticle(await actorFor(owner.user.id, ws), {
            title: `Bản tin ${i}`,
            text: article(`đơn ${i}`),
            publisher: spellings[i % spellings.length],
            origins: ["Hãng Tin Lạ", "Báo Mới Toanh"],
          }),
      ),
    );
    expect(failures).toEqual([]);
    expect(values).toHaveLength(20);
    const db = getDb();
    const sources = await db.source.findMany({ where: { workspaceId: ws }, select: { id: true, normalizedName: true } });
    expect(sources.map((s) => s.normalizedName).sort()).toEqual(["bao moi toanh", "hang tin la"]);
    const publisher = sources.find((s) => s.normalizedName === "bao moi toanh")!;
    expect(await db.article.count({ where: { workspaceId: ws, publisherId: publisher.id } })).toBe(20);
    expect(await db.articleOrigin.count({ where: { workspaceId: ws } })).toBe(40);
    expect(await db.auditEvent.count({ where: { workspaceId: ws, action: "source.create" } })).toBe(2);
  });

  it("imports 6 bulk files of 5 articles each, all naming the same new publisher and origin", async () => {
    const files = Array.from({ length: 6 }, (_, f) =>
      jsonl(
        Array.from({ length: 5 }, (_, i) => ({
          title: `Tệp ${f} bài ${i}`,
          text: article(`tệp ${f}-${i}`),
          publisher: f % 2 ? "Đài Phát Thanh Mới" : "ĐÀI PHÁT THANH MỚI",
          origins: ["Thông Tấn Xã Lạ"],
        })),
      ),
    );
    const before = await getDb().article.count({ where: { workspaceId: ws } });
    const { values, failures } = await settle(
      files.map((bytes, f) => async () => bulkImport(await actorFor(owner.user.id, ws), { fileName: `tệp-${f}.jsonl`, bytes })),
    );
    expect(failures).toEqual([]);
    expect(values.flatMap((v) => v.articles)).toHaveLength(30);
    const db = getDb();
    expect(await db.article.count({ where: { workspaceId: ws } })).toBe(before + 30);
    const created = await db.source.findMany({
      where: { workspaceId: ws, normalizedName: { in: ["dai phat thanh moi", "thong tan xa la"] } },
      select: { id: true },
    });
    expect(created).toHaveLength(2);
    const audited = await db.auditEvent.findMany({ where: { workspaceId: ws, action: "source.create", entityId: { in: created.map((s) => s.id) } } });
    expect(audited).toHaveLength(2);
  });

  it("imports parallel W3C files that name the same new speakers: one entity, one source", async () => {
    const { articleId, passages } = await importPassages(
      owner,
      "Hội nghị ở Vostochny\n\nBộ Ngoại giao nói hai bên ký ba thỏa thuận.\n\nĐài phát thanh nói hai bên ký bốn thỏa thuận.\n\nCả hai nói cuộc gặp kéo dài năm giờ.",
      { title: "Hội nghị ở Vostochny" },
    );
    const quotes = ["ký ba thỏa thuận", "ký bốn thỏa thuận", "kéo dài năm giờ", "hai bên ký ba", "hai bên ký bốn"];
    const annotation = (quote: string) => {
      const position = passages.findIndex((p) => p.text.includes(quote));
      return {
        type: "Annotation",
        target: { source: `https://claims.example.org/articles/${articleId}#p-${position}`, selector: [{ type: "TextQuoteSelector", exact: quote }] },
        body: [{ type: "TextualBody", purpose: "tagging", value: "agreement" }],
        "claimboard:claim": {
          speakers: [
            { name: "Bộ Ngoại Giao Xứ Lạ", type: "entity", kind: "ORGANIZATION" },
            { name: "Đài Tiếng Nói Lạ", type: "source", kind: "OUTLET" },
          ],
        },
      };
    };
    const { values, failures } = await settle(
      quotes.map(
        (quote, i) => async () =>
          bulkImport(await actorFor(owner.user.id, ws), { fileName: `claims-${i}.json`, bytes: utf8(JSON.stringify([annotation(quote)])) }),
      ),
    );
    expect(failures).toEqual([]);
    expect(values.map((v) => v.claims)).toEqual([1, 1, 1, 1, 1]);
    const db = getDb();
    const entities = await db.entity.findMany({ where: { workspaceId: ws, name: "Bộ Ngoại Giao Xứ Lạ" }, select: { id: true } });
    expect(entities).toHaveLength(1);
    const sources = await db.source.findMany({ where: { workspaceId: ws, normalizedName: "dai tieng noi la" }, select: { id: true } });
    expect(sources).toHaveLength(1);
    // Every claim speaks through that one entity and that one source.
    const speakers = await db.annotationSpeaker.findMany({ where: { workspaceId: ws }, select: { entityId: true, sourceId: true } });
    expect(new Set(speakers.flatMap((s) => (s.entityId ? [s.entityId] : [])))).toEqual(new Set([entities[0]!.id]));
    expect(new Set(speakers.flatMap((s) => (s.sourceId ? [s.sourceId] : [])))).toEqual(new Set([sources[0]!.id]));
    expect(await db.auditEvent.count({ where: { workspaceId: ws, action: "entity.create", entityId: entities[0]!.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { workspaceId: ws, action: "source.create", entityId: sources[0]!.id } })).toBe(1);
  });
});

describe("parallel identical links of a claim to a proposition", () => {
  let owner: TestUser;
  let ws: string;
  let claimId: string;
  let propositionId: string;
  beforeAll(async () => {
    owner = await newUser("Linking desk");
    ws = owner.workspace.id;
    const { passages } = await importPassages(owner, "Bình Nhưỡng gửi đạn pháo cho Moscow.\n\nMoscow bác bỏ tin đạn pháo.", { title: "Đạn pháo" });
    const first = await markQuote(owner, passages, "Bình Nhưỡng gửi đạn pháo", "arms_transfer");
    const claim = await markQuote(owner, passages, "Moscow bác bỏ tin đạn pháo", "denial");
    claimId = claim.id;
    propositionId = (await createPropositionFromClaim(owner.actor, { annotationId: first.id, statement: "Triều Tiên gửi đạn pháo cho Nga" })).id;
  });

  const changes = () => getDb().changeEvent.count({ where: { workspaceId: ws, kind: "mention.linked", entityId: claimId } });
  const audits = (action: string) => getDb().auditEvent.count({ where: { workspaceId: ws, action, entityId: propositionId } });
  const link = (stance: "SUPPORTS" | "REFUTES") => async () => linkMention(await actorFor(owner.user.id, ws), { annotationId: claimId, propositionId, stance });

  it("makes one link, one audit event and one live event out of 50 identical calls, all answering the link", async () => {
    const { values, failures } = await settle(Array.from({ length: 50 }, () => link("REFUTES")));
    expect(failures).toEqual([]);
    expect(values).toEqual(Array.from({ length: 50 }, () => ({ annotationId: claimId, propositionId, stance: "REFUTES" })));
    expect(await getDb().mentionLink.count({ where: { annotationId: claimId, propositionId } })).toBe(1);
    expect(await audits("mention.link")).toBe(1);
    expect(await changes()).toBe(1);
  });

  it("records nothing for a stance that does not change, and one change for 20 parallel identical changes", async () => {
    await link("REFUTES")();
    expect(await audits("mention.restance")).toBe(0);
    expect(await changes()).toBe(1);

    const { failures } = await settle(Array.from({ length: 20 }, () => link("SUPPORTS")));
    expect(failures).toEqual([]);
    const restances = await getDb().auditEvent.findMany({
      where: { workspaceId: ws, action: "mention.restance", entityId: propositionId },
      select: { before: true, after: true },
    });
    expect(restances).toEqual([{ before: { stance: "REFUTES" }, after: { annotationId: claimId, propositionId, stance: "SUPPORTS" } }]);
    expect(await changes()).toBe(2);
    expect((await getDb().mentionLink.findUniqueOrThrow({ where: { annotationId_propositionId: { annotationId: claimId, propositionId } } })).stance).toBe(
      "SUPPORTS",
    );
  });
});
