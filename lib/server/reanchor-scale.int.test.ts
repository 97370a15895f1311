// Correcting a paragraph that carries 2,000 claims: every claim is re-anchored, updated and
// audited with a fixed number of statements, well inside the transaction's time limit.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-count";
import { quoteSelector, reanchor, type StoredSelector } from "@/lib/domain/anchoring";
import { foldForMatch } from "@/lib/domain/claim-types";
import { codePointLength, sliceCodePoints } from "@/lib/domain/text";
import { updatePassageText } from "@/lib/server/passages";
import { listClaimTypes } from "@/lib/server/workspaces";
import { at, importPassages, newUser, only, type TestUser } from "@/lib/test/helpers";

const WORDS = (
  "giá xăng tăng Bộ Công Thương cho biết đoàn xe quân sự tiến vào thành phố biên giới Giới chức Nga gọi đây là " +
  "tin giả trong khi phía Ukraine chưa đưa ra bình luận chuyên gia kiểm chứng đoạn video được quay từ năm " +
  "the city council approved budget including increase police funding officials said fire burned acres " +
  "evacuation orders remain towns researchers cautioned sample small follow-up period lasted months 👍🏽 2019 12.000"
).split(" ");

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One paragraph of about `length` code points, and the code point start of every word. */
function paragraph(rand: () => number, length: number, tag: string) {
  const parts: string[] = [tag, " "];
  const wordStarts: number[] = [];
  let cp = codePointLength(tag) + 1;
  while (cp < length) {
    const word = at(WORDS, Math.floor(rand() * WORDS.length));
    const separator = rand() < 0.08 ? ". " : rand() < 0.1 ? ", " : " ";
    wordStarts.push(cp);
    parts.push(word, separator);
    cp += codePointLength(word) + codePointLength(separator);
  }
  return { text: parts.join("").trim(), wordStarts };
}

type Edit = { at: number; remove: number; insert: string };

type Desk = {
  owner: TestUser;
  passageId: string;
  text: string;
  edited: string;
  edits: Edit[];
  claims: (StoredSelector & { id: string; orphaned: boolean; needsReview: boolean; version: number; note: string | null })[];
};

/** Apply edits (code point offsets into the old text, ascending, not overlapping). */
function applyEdits(text: string, edits: Edit[]): string {
  let out = "";
  let from = 0;
  for (const e of edits) {
    out += sliceCodePoints(text, from, e.at) + e.insert;
    from = e.at + e.remove;
  }
  return out + sliceCodePoints(text, from, codePointLength(text));
}

/** Where a claim whose quote and 32 code points of context lie clear of every edit must start after them; null if an edit is that close. */
function expectedStart(edits: Edit[], start: number, end: number): number | null {
  let shift = 0;
  for (const e of edits) {
    if (end + 32 <= e.at) break;
    if (start - 32 < e.at + e.remove) return null;
    shift += codePointLength(e.insert) - e.remove;
  }
  return start + shift;
}

/**
 * An article with one ~19,000-code-point paragraph holding `n` claims on whole words (some already
 * waiting for review, some orphaned), and a correction that inserts words in two places, replaces
 * a word and deletes a stretch near the end.
 */
async function buildDesk(n: number, seed: number): Promise<Desk> {
  const owner = await newUser(`Reanchor ${n}`);
  const rand = random(seed);
  const { text, wordStarts } = paragraph(rand, 19_000, `Bản tin ${n}-${seed}-${Date.now()}:`);
  const { passages } = await importPassages(owner, text, { title: `Dense paragraph ${n}` });
  const passage = only(passages);
  expect(passage.text).toBe(text);
  const type = at(await listClaimTypes(owner.actor), 0);
  const rows = Array.from({ length: n }, (_, k) => {
    const first = Math.floor(rand() * (wordStarts.length - 12));
    const start = at(wordStarts, first);
    const end = at(wordStarts, first + 1 + Math.floor(rand() * 10)) - 1;
    const quote = quoteSelector(text, start, end);
    const waiting = k % 17 === 0;
    const orphaned = k % 29 === 0 && !waiting;
    const note = k % 5 === 0 ? `note ${k}` : null;
    return {
      id: crypto.randomUUID(),
      workspaceId: owner.workspace.id,
      passageId: passage.id,
      claimTypeId: type.id,
      authorId: owner.user.id,
      start,
      end,
      ...quote,
      note,
      searchText: foldForMatch(`${quote.exact} ${note ?? ""}`),
      needsReview: waiting,
      anchorReview: waiting ? { reason: "set up as waiting", confidence: 0.5 } : undefined,
      orphaned,
      version: 1 + (k % 3),
    };
  });
  await getDb().annotation.createMany({ data: rows });

  const word = (share: number) => at(wordStarts, Math.floor(wordStarts.length * share));
  const replaced = word(0.3);
  const edits: Edit[] = [
    { at: word(0.1), remove: 0, insert: "theo nguồn tin " },
    { at: replaced, remove: word(0.3 + 1 / wordStarts.length) - replaced - 1, insert: "khác biệt" },
    { at: word(0.5), remove: 0, insert: "(cập nhật lúc 9 giờ sáng) " },
    { at: word(0.9), remove: word(0.9 + 40 / wordStarts.length) - word(0.9), insert: "" },
  ];
  const claims = rows.map(({ id, start, end, exact, prefix, suffix, orphaned, needsReview, version, note }) => ({
    id,
    start,
    end,
    exact,
    prefix,
    suffix,
    orphaned,
    needsReview,
    version,
    note,
  }));
  return { owner, passageId: passage.id, text, edited: applyEdits(text, edits), edits, claims };
}

const correct = (desk: Desk) => updatePassageText(desk.owner.actor, { passageId: desk.passageId, text: desk.edited, expectedText: desk.text });

describe("re-anchoring thousands of claims after a correction", () => {
  let large: Desk;
  let small: Desk;
  beforeAll(async () => {
    large = await buildDesk(2000, 20261202);
    small = await buildDesk(200, 7);
  }, 120_000);

  it("moves, keeps, flags and audits each of 2,000 claims with statements that do not grow with their number", async () => {
    const smallRun = await countQueries(() => correct(small));
    const began = performance.now();
    const largeRun = await countQueries(() => correct(large));
    const elapsed = performance.now() - began;
    const result = largeRun.result;
    console.log(
      `corrected a paragraph with ${large.claims.length} claims in ${elapsed.toFixed(0)} ms (${largeRun.count} statements; ${smallRun.count} for ${small.claims.length} claims)`,
      result.summary,
    );
    // Speed is measured by `npm run bench`; here, that it completes and that statements stay flat.
    expect(largeRun.count, largeRun.statements.join("\n")).toBe(smallRun.count);

    const stored = await getDb().annotation.findMany({
      where: { passageId: large.passageId },
      select: {
        id: true,
        start: true,
        end: true,
        exact: true,
        prefix: true,
        suffix: true,
        orphaned: true,
        needsReview: true,
        anchorReview: true,
        version: true,
        searchText: true,
      },
    });
    const byId = new Map(stored.map((s) => [s.id, s]));
    const audits = await getDb().auditEvent.findMany({
      where: { workspaceId: large.owner.workspace.id, action: "annotation.reanchor" },
      select: { entityId: true, before: true, after: true },
    });
    const auditOf = new Map(audits.map((a) => [a.entityId, a]));
    expect(auditOf.size).toBe(audits.length);

    let shifted = 0;
    let changed = 0;
    for (const before of large.claims) {
      const row = byId.get(before.id)!;
      const found = reanchor(large.edited, before);
      // Independent of the matcher: a claim clear of every edit lands on the same words, shifted by the edits before it.
      const start = expectedStart(large.edits, before.start, before.end);
      if (start !== null) {
        expect(row, `claim ${before.id} clear of the edits`).toMatchObject({
          start,
          end: start + before.end - before.start,
          exact: before.exact,
          orphaned: false,
        });
        if (start !== before.start) shifted++;
      }
      if (found.outcome === "orphaned") {
        expect(row).toMatchObject({ start: before.start, end: before.end, exact: before.exact, prefix: before.prefix, orphaned: true, needsReview: false });
        expect(row.anchorReview).toBeNull();
      } else {
        const quote = quoteSelector(large.edited, found.start, found.end);
        const waiting = found.outcome === "needs_review" || (before.needsReview && !before.orphaned);
        expect(row).toMatchObject({ start: found.start, end: found.end, ...quote, orphaned: false, needsReview: waiting });
        if (found.outcome === "needs_review") {
          expect(row.anchorReview).toEqual({
            before: { start: before.start, end: before.end, exact: before.exact, prefix: before.prefix, suffix: before.suffix },
            reason: found.reason,
            confidence: found.confidence,
          });
        } else if (waiting) expect(row.anchorReview).toEqual({ reason: "set up as waiting", confidence: 0.5 });
        else expect(row.anchorReview).toBeNull();
      }
      const moved = row.start !== before.start || row.end !== before.end || row.exact !== before.exact || row.prefix !== before.prefix;
      const isChanged = moved || row.suffix !== before.suffix || row.orphaned !== before.orphaned || row.needsReview !== before.needsReview;
      expect(row.version).toBe(before.version + (isChanged ? 1 : 0));
      expect(row.searchText).toBe(foldForMatch(`${row.exact} ${before.note ?? ""}`));
      const audit = auditOf.get(before.id);
      if (!isChanged) {
        expect(audit).toBeUndefined();
        continue;
      }
      changed++;
      const outcome = row.needsReview ? "needs_review" : found.outcome;
      expect(audit).toEqual({
        entityId: before.id,
        before: {
          start: before.start,
          end: before.end,
          exact: before.exact,
          prefix: before.prefix,
          suffix: before.suffix,
          orphaned: before.orphaned,
          needsReview: before.needsReview,
          version: before.version,
        },
        after: expect.objectContaining({
          start: row.start,
          end: row.end,
          exact: row.exact,
          orphaned: row.orphaned,
          needsReview: row.needsReview,
          version: before.version + 1,
          outcome,
          reason: outcome === found.outcome ? found.reason : `still waiting for review (${found.reason})`,
          confidence: found.confidence,
          passageId: large.passageId,
        }),
      });
    }
    expect(audits).toHaveLength(changed);
    // The edits touched every kind of claim, so the checks above compared each branch.
    expect(shifted).toBeGreaterThan(1000);
    expect(result.summary.moved).toBeGreaterThan(500);
    expect(result.summary.orphaned).toBeGreaterThan(0);
    expect(result.summary.needsReview).toBeGreaterThan(0);
    expect(Object.values(result.summary).reduce((a, b) => a + b, 0)).toBe(large.claims.length);
    expect(result.annotations).toHaveLength(large.claims.length);
    expect(result.changes.length).toBeLessThanOrEqual(changed);

    const passageAudit = only(
      await getDb().auditEvent.findMany({ where: { workspaceId: large.owner.workspace.id, action: "passage.update" }, select: { after: true } }),
    );
    expect(passageAudit.after).toMatchObject({ text: large.edited, summary: result.summary });
  });
});
