import { actorFor, at, entry } from "@/lib/test/helpers";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { parseArticle } from "@/lib/domain/import-metadata";
import { importArticle } from "@/lib/server/articles";
import { signUp } from "@/lib/server/users";
import { SEEDS_DIR as SEEDS, seedFiles, seedsPresent } from "@/lib/test/seeds";

// The real input this product exists for: five Vietnamese articles, read from ../shared.
const present = seedsPresent("the seed import test");

const expected: Record<string, { title?: string; publishedAt: string | null; origins: string[]; publisher?: string; passages: number; duplicates: number }> = {
  "000": { publishedAt: "2023-09-14", origins: [], passages: 8, duplicates: 0 },
  "001": { publishedAt: null, origins: ["Reuters", "Japan Times"], passages: 10, duplicates: 0 },
  "002": { publishedAt: null, origins: [], passages: 15, duplicates: 0 },
  "003": { publishedAt: null, origins: ["ntdvn.net"], passages: 27, duplicates: 0 },
  "004": {
    title: "Chuyến thăm Nga của nhà lãnh đạo Triều Tiên Kim Jong Un khiến phương Tây cảnh giác",
    publishedAt: null,
    origins: ["CNN"],
    publisher: "VOV.VN",
    passages: 25,
    duplicates: 2,
  },
};

describe.skipIf(!present)("importing the seed corpus", () => {
  let userId: string;
  let workspaceId: string;
  beforeAll(async () => {
    const { user, workspace } = await signUp({ name: "Seed desk", email: `seeds-${Date.now()}@test.local`, password: "seed-password" });
    userId = user.id;
    workspaceId = workspace.id;
  });

  const files = present ? seedFiles() : [];
  it("finds the five seed articles", () => expect(files).toHaveLength(5));

  it.each(files)("%s: title, date, origins and passages are stored as detected", async (file) => {
    const text = fs.readFileSync(path.join(SEEDS, file), "utf8");
    const want = entry(expected, file.slice(0, 3));
    const parsed = parseArticle(text);
    const imported = await actorFor(userId, workspaceId).then((who) =>
      importArticle(who, {
        text,
        fileName: file,
        title: parsed.title,
        publishedAt: parsed.publishedAt ?? undefined,
        publisher: parsed.publisher ?? undefined,
        origins: parsed.origins,
        byline: parsed.byline ?? undefined,
        url: parsed.url ?? undefined,
        language: parsed.language ?? undefined,
      }),
    );
    const row = await getDb().article.findUniqueOrThrow({
      where: { id: imported.id },
      select: {
        title: true,
        publishedAt: true,
        language: true,
        publisher: { select: { name: true } },
        origins: { select: { source: { select: { name: true } } }, orderBy: { position: "asc" } },
        passages: { select: { text: true, isDuplicate: true }, orderBy: { position: "asc" } },
        metadataLines: true,
      },
    });
    // The provenance lines taken out of the body are kept verbatim (credit lines name the origins).
    expect(row.metadataLines).toEqual(parsed.metadataLines);
    for (const origin of want.origins) expect(JSON.stringify(row.metadataLines)).toContain(origin);
    if (want.title) expect(row.title).toBe(want.title);
    expect(row.title.length).toBeGreaterThan(10);
    expect(row.publishedAt?.toISOString().slice(0, 10) ?? null).toBe(want.publishedAt);
    expect(row.origins.map((o) => o.source.name)).toEqual(want.origins);
    if (want.publisher) expect(row.publisher?.name).toBe(want.publisher);
    expect(row.language).toBe("vi");
    expect(row.passages).toHaveLength(want.passages);
    expect(row.passages.filter((p) => p.isDuplicate)).toHaveLength(want.duplicates);
    // Stored text is NFC and faithful: every stored paragraph occurs in the file.
    for (const p of row.passages) {
      expect(p.text).toBe(p.text.normalize("NFC"));
      expect(text.normalize("NFC")).toContain(p.text);
    }
  });

  it("recognises a re-import of the same article", async () => {
    const text = fs.readFileSync(path.join(SEEDS, at(files, 0)), "utf8");
    await expect(actorFor(userId, workspaceId).then((who) => importArticle(who, { text, title: "again" }))).rejects.toThrow(/already in the workspace/);
    expect(await getDb().article.count({ where: { workspaceId } })).toBe(5);
  });
});
