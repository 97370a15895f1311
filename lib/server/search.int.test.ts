import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { Snippet } from "@/lib/domain/snippet";
import { createAnnotation } from "@/lib/server/annotations";
import { importArticle } from "@/lib/server/articles";
import { AppError } from "@/lib/server/errors";
import { search, type SearchGroup, type SearchKind, type SearchResult } from "@/lib/server/search";
import { createEntity } from "@/lib/server/speakers";
import { listClaimTypes } from "@/lib/server/workspaces";
import { at, newUser, actorFor } from "@/lib/test/helpers";

const group = <K extends SearchKind>(r: SearchResult, kind: K) => r.groups.find((g) => g.kind === kind) as Extract<SearchGroup, { kind: K }>;
const marks = (s: Snippet) => s.parts.filter((p) => p.match).map((p) => p.text);

const FACTORY = `Kim thăm Viễn Đông

🚀 Ông Kim Jong-un đến thăm nhà máy chế tạo máy bay ở Komsomolsk trên sông Amur.

Bình Nhưỡng bác bỏ cáo buộc chuyển giao đạn pháo cho Nga.`;

const ROOFS = `Bão quét qua miền Bắc

Bão làm tốc mái nhiều nhà, các nhà mái tôn bị hư hại nặng.`;

const OUTSIDER = `Tin riêng

Một nhà máy khác ở Bình Nhưỡng, của workspace khác.`;

describe("search, on a real PostgreSQL", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  let outsider: Awaited<ReturnType<typeof newUser>>;
  let factoryId: string;
  let roofsId: string;
  let claimId: string;
  let entityId: string;

  beforeAll(async () => {
    owner = await newUser("Searcher");
    outsider = await newUser("Outsider");
    const factory = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      importArticle(who, {
        text: FACTORY,
        title: "Kim thăm Viễn Đông",
        publisher: "Đài Tiếng nói Đức",
        origins: ["TASS"],
      }),
    );
    factoryId = factory.id;
    // Imported second, so on equal scores it would come first: ranking, not age, must decide.
    roofsId = (
      await actorFor(owner.user.id, owner.workspace.id).then((who) =>
        importArticle(who, { text: ROOFS, title: "Bão quét qua miền Bắc", publisher: "VnExpress" }),
      )
    ).id;
    await actorFor(outsider.user.id, outsider.workspace.id).then((who) =>
      importArticle(who, { text: OUTSIDER, title: "Tin riêng", publisher: "Báo Đức Riêng" }),
    );

    const denial = await getDb().passage.findFirstOrThrow({ where: { articleId: factoryId, position: 1 }, select: { id: true, text: true } });
    const exact = "Bình Nhưỡng bác bỏ cáo buộc";
    const types = await listClaimTypes(owner.actor);
    claimId = (
      await actorFor(owner.user.id, owner.workspace.id).then((who) =>
        createAnnotation(who, {
          passageId: denial.id,
          start: 0,
          end: [...exact].length,
          exact,
          claimTypeId: types.find((t) => t.key === "denial")!.id,
          modality: "DENIED",
          note: "Phủ nhận của Triều Tiên",
        }),
      )
    ).id;

    const entity = await actorFor(owner.user.id, owner.workspace.id).then((who) => createEntity(who, { name: "Triều Tiên", kind: "COUNTRY" }));
    entityId = entity.id;
    for (const alias of ["Bắc Hàn", "Pyongyang"]) {
      await getDb().entityAlias.create({ data: { workspaceId: owner.workspace.id, entityId, alias, normalizedAlias: foldForMatch(alias) } });
    }
    const statement = "Nga nhận đạn pháo từ Bình Nhưỡng";
    await getDb().proposition.create({ data: { workspaceId: owner.workspace.id, statement, searchText: foldForMatch(statement) } });
  });

  it("finds a passage without accents and marks the accented words", async () => {
    const r = await search(owner.actor, { q: "nha may" });
    const passages = group(r, "passage");
    expect(passages.items[0]).toMatchObject({ articleId: factoryId, articleTitle: "Kim thăm Viễn Đông", position: 0 });
    expect(marks(at(passages.items, 0).snippet)[0]).toBe("nhà máy");
    expect(
      at(passages.items, 0)
        .snippet.parts.map((p) => p.text)
        .join(""),
    ).toContain("🚀 Ông Kim");
  });

  it("ranks an exact phrase above a fuzzy match, and reports the total", async () => {
    const r = await search(owner.actor, { q: "nha may", kinds: ["passage"] });
    const passages = group(r, "passage");
    expect(passages.items.map((p) => p.articleId)).toEqual([factoryId, roofsId]);
    expect(passages.items.map((p) => p.similar)).toEqual([false, true]);
    expect(at(passages.items, 0).score).toBeGreaterThan(at(passages.items, 1).score);
    expect([passages.total, passages.exactTotal]).toEqual([2, 1]);

    const limited = group(await search(owner.actor, { q: "nha may", kinds: ["passage"], limit: 1 }), "passage");
    expect(limited.items).toHaveLength(1);
    expect(limited.total).toBe(2);
  });

  it("stops counting similar spellings once 50 passages contain the query", async () => {
    const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `Xưởng đóng tàu số ${from + i} ở Vladivostok.`);
    const text = ["Xưởng đóng tàu", ...numbered(1, 49), "Xưởng đóng tùa số 99, lỗi chính tả."].join("\n\n");
    await actorFor(owner.user.id, owner.workspace.id).then((who) => importArticle(who, { text, title: "Xưởng đóng tàu" }));
    const before = group(await search(owner.actor, { q: "xuong dong tau", kinds: ["passage"], limit: 50 }), "passage");
    expect([before.total, before.exactTotal]).toEqual([50, 49]);
    expect(before.items.at(-1)).toMatchObject({ similar: true, text: "Xưởng đóng tùa số 99, lỗi chính tả." });

    await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      importArticle(who, { text: `Thêm một xưởng\n\n${numbered(50, 50)[0]}`, title: "Thêm một xưởng" }),
    );
    const after = group(await search(owner.actor, { q: "xuong dong tau", kinds: ["passage"], limit: 50 }), "passage");
    expect([after.total, after.exactTotal]).toEqual([50, 50]);
    expect(after.items.every((p) => !p.similar)).toBe(true);
    // The first page is the same whether or not similar spellings were looked at.
    expect(group(await search(owner.actor, { q: "xuong dong tau", kinds: ["passage"] }), "passage").items).toHaveLength(10);
  });

  it("finds a place name in passages, claims, propositions and entity aliases", async () => {
    const r = await search(owner.actor, { q: "binh nhuong" });
    expect(group(r, "passage").items.map((p) => [p.articleId, p.position])).toEqual([[factoryId, 1]]);
    expect(marks(at(group(r, "passage").items, 0).snippet)).toEqual(["Bình Nhưỡng"]);

    const claim = at(group(r, "claim").items, 0);
    expect(claim).toMatchObject({ id: claimId, articleId: factoryId, position: 1, exact: "Bình Nhưỡng bác bỏ cáo buộc", snippetOf: "exact" });
    expect(claim.claimType.label).toBe("Denial");
    expect(at(group(r, "proposition").items, 0).statement).toBe("Nga nhận đạn pháo từ Bình Nhưỡng");

    const alias = group(await search(owner.actor, { q: "BAC HAN" }), "entity").items;
    expect(alias).toHaveLength(1);
    expect(alias[0]).toMatchObject({ id: entityId, name: "Triều Tiên", kind: "COUNTRY", matchedAlias: "Bắc Hàn" });
    expect(marks(at(alias, 0).snippet)).toEqual(["Bắc Hàn"]);
  });

  it("finds a misspelt name by trigram similarity", async () => {
    // word_similarity("pyongang", "pyongyang") is 0.58: found only because the query sets the threshold to 0.5.
    const typo = group(await search(owner.actor, { q: "pyongang", kinds: ["entity"] }), "entity");
    expect(typo.items).toHaveLength(1);
    expect(typo.items[0]).toMatchObject({ id: entityId, matchedAlias: "Pyongyang", similar: true });
    expect([typo.total, typo.exactTotal]).toEqual([1, 0]);
  });

  it("shows the note when only the note matched a claim", async () => {
    const claim = at(group(await search(owner.actor, { q: "phu nhan", kinds: ["claim"] }), "claim").items, 0);
    expect(claim).toMatchObject({ id: claimId, snippetOf: "note" });
    expect(marks(claim.snippet)).toEqual(["Phủ nhận"]);
  });

  it("finds a source by a name with đ", async () => {
    const sources = group(await search(owner.actor, { q: "duc", kinds: ["source"] }), "source");
    expect(sources.items.map((s) => s.name)).toEqual(["Đài Tiếng nói Đức"]);
    expect(at(sources.items, 0).articles).toBe(1);
    expect(marks(at(sources.items, 0).snippet)).toEqual(["Đức"]);
  });

  it("never returns another workspace's rows", async () => {
    const ids = (r: SearchResult) => r.groups.flatMap((g) => g.items.map((i: { id: string }) => i.id));
    const ws = outsider.workspace.id;
    const [passages, sources] = await Promise.all([
      getDb().passage.findMany({ where: { workspaceId: ws }, select: { id: true } }),
      getDb().source.findMany({ where: { workspaceId: ws }, select: { id: true } }),
    ]);
    const theirIds = [...passages, ...sources].map((r) => r.id);
    expect(theirIds.length).toBeGreaterThan(1);
    for (const q of ["nha may", "binh nhuong", "bao duc rieng", "tin rieng"]) {
      expect(
        ids(await search(owner.actor, { q })).filter((id) => theirIds.includes(id)),
        q,
      ).toEqual([]);
    }
    const theirs = await search(outsider.actor, { q: "nha may" });
    expect(group(theirs, "passage").items.map((p) => p.articleTitle)).toEqual(["Tin riêng"]);
    expect(group(await search(outsider.actor, { q: "bao duc rieng" }), "source").items.map((s) => s.name)).toEqual(["Báo Đức Riêng"]);
    // A member of one workspace cannot search another by passing its id.
    const forged: Actor = { ...outsider.actor, workspaceId: owner.workspace.id };
    await expect(search(forged, { q: "nha may" })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("filters by kind and treats LIKE wildcards as text", async () => {
    const r = await search(owner.actor, { q: "binh nhuong", kinds: ["claim", "entity"] });
    expect(r.groups.map((g) => g.kind)).toEqual(["claim", "entity"]);
    const wild = await search(owner.actor, { q: "%%" });
    expect(wild.groups.every((g) => g.total === 0 && g.items.length === 0)).toBe(true);
  });

  it("refuses empty and one-letter queries with a bad_request", async () => {
    for (const q of ["", "   ", "a", " đ "]) {
      const err = await search(owner.actor, { q }).catch((e: unknown) => e);
      expect(err, JSON.stringify(q)).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("bad_request");
      expect((err as AppError).message).toBe("Type at least 2 characters");
    }
    await expect(search(owner.actor, { q: "x".repeat(201) })).rejects.toBeInstanceOf(ZodError);
    await expect(search(owner.actor, { q: "nha", limit: 51 })).rejects.toBeInstanceOf(ZodError);
  });
});
