import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { updatePassageText } from "@/lib/server/passages";
import { search } from "@/lib/server/search";
import { closeWords, listedWordsOf, mayContain } from "@/lib/server/search-words";
import { at, importPassages, newUser } from "@/lib/test/helpers";

// The word list behind similar-spelling search: the database splits paragraphs into words as
// wordsOf() splits a query, every way text arrives adds its words, and a typo finds them.

const words = async (workspaceId: string) =>
  (await getDb().$queryRaw<{ word: string }[]>`SELECT DISTINCT word FROM "SearchWord" WHERE "workspaceId" = ${workspaceId}::uuid ORDER BY word`).map(
    (r) => r.word,
  );

describe("search words", () => {
  it("splits text in PostgreSQL exactly as listedWordsOf() does", async () => {
    const samples = [
      "a word longer than thirty-two characters: hwasong18transporterconvoyprotocolnumber.",
      "“Tin giả”, ông Peskov nói… Kim–Putin: 13/9/2023 (Vladivostok) — ‘hội đàm’ «kéo dài» 4,5 giờ; e-mail: a_b@c.vn!",
      foldForMatch("Điện Kremlin bác bỏ thông tin về thỏa thuận vũ khí với Bình Nhưỡng."),
    ];
    const arbitrary = fc.sample(fc.string({ unit: fc.constantFrom(..."abcđ xyz-–—.,“”'’…:/_0123456789\t"), maxLength: 90 }), { numRuns: 60, seed: 7 });
    for (const text of [...samples, ...arbitrary]) {
      const [row] = await getDb().$queryRaw<{ words: string[] }[]>`SELECT COALESCE(array_agg(w), '{}') AS words FROM "searchWordsOf"(${text}) AS w`;
      expect(row?.words, JSON.stringify(text)).toEqual(listedWordsOf(text));
    }
  });

  it("adds the words of imported and corrected paragraphs, and a typo finds a corrected paragraph", async () => {
    const owner = await newUser("Words");
    const { passages } = await importPassages(owner, "Đoàn xe chở đạn pháo tới Vladivostok.\n\nGiới chức Nga xác nhận.", { title: "Đoàn xe" });
    expect(await words(owner.workspace.id)).toEqual(expect.arrayContaining(["doan", "dan", "phao", "vladivostok", "gioi", "chuc", "nga", "xac", "nhan"]));
    expect(await words(owner.workspace.id)).not.toContain("komsomolsk");

    await updatePassageText(owner.actor, { passageId: at(passages, 1).id, text: "Giới chức Nga xác nhận chuyến thăm nhà máy Komsomolsk." });
    expect(await words(owner.workspace.id)).toContain("komsomolsk");
    expect(await closeWords(owner.workspace.id, "komsomosk")).toEqual([["komsomolsk"]]);
    const found = await search(owner.actor, { q: "Komsomosk", kinds: ["passage"] });
    expect(found.groups[0]?.items.map((i) => [i.similar, i.id])).toEqual([[true, at(passages, 1).id]]);

    // Another workspace's words are not suggested.
    const other = await newUser("Other");
    expect(await closeWords(other.workspace.id, "komsomosk")).toEqual([[]]);
  });

  it("skips the paragraph scan only for a one-word query no listed word contains, long words included", async () => {
    const owner = await newUser("Contain");
    const long = "Mã lô hàng: HWASONG18TRANSPORTERCONVOYPROTOCOL, theo tài liệu.";
    const { passages } = await importPassages(owner, `Đạn pháo tới Vladivostok.\n\n${long}`, { title: "Lô hàng" });
    const ws = owner.workspace.id;
    expect(await mayContain(ws, "vladivostok")).toBe(true);
    expect(await mayContain(ws, "ostok")).toBe(true);
    // Inside a word of more than 32 characters (longer than any similar-spelling lookup).
    expect(await mayContain(ws, "transporterconvoy")).toBe(true);
    // A typo: no word contains it, so no paragraph can.
    expect(await mayContain(ws, "vladivostock")).toBe(false);
    // Several words, or too short to be listed: the paragraphs are scanned.
    expect(await mayContain(ws, "dan phao")).toBe(true);
    expect(await mayContain(ws, "xq")).toBe(true);

    const inLong = await search(owner.actor, { q: "TransporterConvoy", kinds: ["passage"] });
    expect(inLong.groups[0]?.items.map((i) => [i.similar, i.id])).toEqual([[false, at(passages, 1).id]]);
    const typo = await search(owner.actor, { q: "Vladivostock", kinds: ["passage"] });
    expect(typo.groups[0]?.items.map((i) => [i.similar, i.id])).toEqual([[true, at(passages, 0).id]]);
    expect(typo.groups[0]).toMatchObject({ total: 1, exactTotal: 0 });
  });
});
