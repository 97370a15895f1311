import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-count";
import { getReaderData } from "@/lib/server/articles";
import { getMatrix } from "@/lib/server/comparison";
import { mentionExport } from "@/lib/server/export-stream";
import { parseScope } from "@/lib/server/exports";
import { liveCursor } from "@/lib/server/live-stream";
import { listPresence } from "@/lib/server/presence";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { search } from "@/lib/server/search";
import { mySessionsForArticle } from "@/lib/server/sessions";
import { listClaimTypes } from "@/lib/server/workspaces";
import { at, importPassages, markQuote, newUser, type TestUser } from "@/lib/test/helpers";

// No N+1: the reader, the matrix, search and an export send as many statements to PostgreSQL for
// a small workspace as for one eight times larger (counted at the driver, lib/db/query-count.ts).
const SMALL = 5;
const LARGE = 40;
/** Room for a branch that depends on the data (e.g. a fuzzy pass when few rows match), never for a loop. */
const SLACK = 2;

type Desk = { owner: TestUser; readerArticleId: string; claims: number; mentions: number };

/** `n` articles from `n` outlets (each relaying one of three wires), `n` propositions, and a reader article with `n` claims. */
async function buildDesk(n: number): Promise<Desk> {
  const owner = await newUser(`Count ${n}`);
  const tag = `${n}-${Date.now()}`;
  const propositions: string[] = [];
  for (let i = 0; i < n; i++) {
    const quote = `the convoy ${i} crossed the border`;
    const { passages } = await importPassages(owner, `Officials said ${quote} on day ${i}.\n\nThe ministry denied shipment ${i} (${tag}).`, {
      title: `Convoy story ${i} ${tag}`,
      publisher: `Outlet ${i}`,
      origins: [`Wire ${i % 3}`],
    });
    const claim = await markQuote(owner, passages, quote, "arms_transfer");
    propositions.push((await createPropositionFromClaim(owner.actor, { annotationId: claim.id, statement: `Convoy ${i} crossed (${tag})` })).id);
  }
  const sources = await getDb().source.findMany({ where: { workspaceId: owner.workspace.id }, select: { id: true }, orderBy: { name: "asc" } });
  const reader = await importPassages(owner, Array.from({ length: n }, (_, k) => `Paragraph ${k}: the envoy ${k} confirmed the convoy.`).join("\n\n"), {
    title: `Reader ${tag}`,
    publisher: "Outlet 0",
  });
  const stances = ["SUPPORTS", "REFUTES", "NEUTRAL"] as const;
  for (let k = 0; k < n; k++) {
    const claim = await markQuote(owner, [at(reader.passages, k)], `the envoy ${k} confirmed`, "arms_transfer", {
      speakers: [{ sourceId: at(sources, k % sources.length).id }],
    });
    await linkMention(owner.actor, { annotationId: claim.id, propositionId: at(propositions, k), stance: at(stances, k % 3) });
  }
  return { owner, readerArticleId: reader.articleId, claims: 2 * n, mentions: 2 * n };
}

/** What the article page loads (app/w/[slug]/articles/[id]/page.tsx). */
async function loadReader({ owner, readerArticleId }: Desk) {
  const { actor } = owner;
  await liveCursor(actor);
  const article = await getReaderData(actor, readerArticleId);
  await Promise.all([listClaimTypes(actor), listPresence(actor, readerArticleId), mySessionsForArticle(actor, readerArticleId)]);
  return article.annotations.length;
}

async function exportCsv({ owner }: Desk) {
  const res = await mentionExport(owner.actor, "csv", parseScope({}), "http://localhost");
  const text = await res.text();
  // Header plus one line per mention (no cell here holds a line break).
  return text.trim().split("\n").length - 1;
}

const reads: Record<string, (d: Desk) => Promise<number>> = {
  reader: loadReader,
  matrix: async ({ owner }) => (await getMatrix(owner.actor, { sort: "contested" })).rows.length,
  search: async ({ owner }) => {
    const result = await search(owner.actor, { q: "convoy" });
    return result.groups.reduce((sum, g) => sum + g.items.length, 0);
  },
  "CSV export": exportCsv,
};

describe("statements per read do not grow with the data (no N+1)", () => {
  let small: Desk;
  let large: Desk;
  beforeAll(async () => {
    small = await buildDesk(SMALL);
    large = await buildDesk(LARGE);
  }, 240_000);

  for (const [name, read] of Object.entries(reads)) {
    it(`${name}: the same number of statements at ${SMALL} and ${LARGE} claims, propositions and articles`, async () => {
      const a = await countQueries(() => read(small));
      const b = await countQueries(() => read(large));
      console.log(`${name}: ${a.count} statements for ${a.result} items at ${SMALL}, ${b.count} for ${b.result} at ${LARGE}`);
      // The larger desk really answers more (so the counts compare different data sizes).
      expect(b.result).toBeGreaterThan(a.result);
      expect(a.count).toBeGreaterThan(0);
      expect(b.count, b.statements.join("\n")).toBeLessThanOrEqual(a.count + SLACK);
    });
  }

  it("counts statements per scope, not those of concurrent work outside it", async () => {
    const outside = getDb().$queryRaw`SELECT pg_sleep(0.05)::text`;
    const inside = await countQueries(async () => {
      await getDb().$queryRaw`SELECT 1`;
      await getDb().$queryRaw`SELECT 2`;
    });
    await outside;
    expect(inside.count).toBe(2);
  });
});
