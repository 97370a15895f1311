// Bulk article import throughput (opt in: BULK_SCALE=<articles>): articles/s of one file.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { importArticleLines } from "@/lib/server/bulk-import-articles";
import { newUser } from "@/lib/test/helpers";

const SCALE = Number(process.env.BULK_SCALE ?? 0);

const lines = (tag: string) =>
  Array.from({ length: SCALE }, (_, i) => ({
    line: i + 1,
    value: {
      title: `Bài ${tag} ${i}`,
      publisher: `Báo ${i % 40}`,
      origins: [`Hãng ${i % 7}`, `Hãng ${(i + 3) % 7}`],
      text: Array.from(
        { length: 8 },
        (_, k) => `Đoạn ${k} của bài ${tag} số ${i}: giá xăng tăng, Bộ Công Thương cho biết đoàn xe quân sự tiến vào thành phố.`,
      ).join("\n\n"),
    },
  }));

describe.skipIf(!SCALE)("bulk import throughput", () => {
  it("imports articles set-based, and counts them", async () => {
    const b = await newUser("Bulk");
    const t1 = performance.now();
    const r = await importArticleLines(b.actor, "after.jsonl", lines("b"), []);
    const t2 = performance.now();
    const n = await getDb().passage.count({ where: { workspaceId: b.workspace.id } });
    console.log(`bulk import of ${SCALE} articles: ${Math.round(SCALE / ((t2 - t1) / 1000))}/s`);
    expect(r.articles.length).toBe(SCALE);
    expect(n).toBe(SCALE * 8);
  }, 600_000);
});
