import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-count";
import { annotationSelect, createAnnotation, toAnnotationView } from "@/lib/server/annotations";
import { updatePassageText } from "@/lib/server/passages";
import { createSession } from "@/lib/server/sessions";
import { createSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";
import { listClaimTypes } from "@/lib/server/workspaces";
import { at, importPassages, newUser } from "@/lib/test/helpers";
import { quoteSpan } from "@/lib/domain/anchoring";

// Marking a claim is two statements (lib/server/claim-create.ts): what it answers must be what is
// stored, every row that goes with it must be written, and a correction racing it must never
// leave a claim whose quote is not the paragraph's text without a flag.

const TEXT = "Ngày 13/9, ông Putin nói Nga sẽ giúp Triều Tiên chế tạo vệ tinh. Điện Kremlin sau đó phủ nhận mọi thỏa thuận vũ khí.";

async function desk() {
  const owner = await newUser("Lan");
  const article = await importPassages(owner, TEXT, { title: "Hội nghị thượng đỉnh", publishedAt: "2023-09-14" });
  const types = await listClaimTypes(owner.actor);
  const putin = await createEntity(owner.actor, { name: "Vladimir Putin", kind: "PERSON" });
  const kremlin = await createEntity(owner.actor, { name: "Điện Kremlin", kind: "ORGANIZATION" });
  const tass = await createSource(owner.actor, { name: "TASS" });
  return { owner, article, passage: at(article.passages, 0), typeId: at(types, 0).id, putin, kremlin, tass };
}

describe("creating a claim", () => {
  it("answers exactly what is stored, with speakers, actors, fields, session, audit and change event", async () => {
    const d = await desk();
    const session = await createSession(d.owner.actor, { name: "Vòng 1", articleIds: [d.article.articleId], annotatorIds: [d.owner.user.id] });
    const quote = "Nga sẽ giúp Triều Tiên chế tạo vệ tinh";
    const {
      result: made,
      count,
      statements,
    } = await countQueries(() =>
      createAnnotation(d.owner.actor, {
        passageId: d.passage.id,
        ...quoteSpan(d.passage.text, quote)!,
        exact: quote,
        claimTypeId: d.typeId,
        modality: "ASSERTED",
        speakers: [{ entityId: d.putin.id }, { sourceId: d.tass.id }],
        actorEntityIds: [d.kremlin.id],
        actors: ["Bình Nhưỡng"],
        fields: { date: "13/9", quantities: [{ value: "1", item: "vệ tinh" }] },
        note: "Cần đối chiếu",
      }),
    );
    // One read and one write: no interactive transaction, no per-speaker lookups.
    expect(count, statements.join("\n---\n")).toBe(2);
    const stored = toAnnotationView(await getDb().annotation.findUniqueOrThrow({ where: { id: made.id }, select: annotationSelect }));
    expect(made).toEqual(stored);
    expect(stored.sessionId).toBe(session.id);
    expect(stored.speakers.map((s) => s.name)).toEqual(["Vladimir Putin", "TASS"]);
    expect(stored.actorEntities.map((a) => a.name)).toEqual(["Điện Kremlin"]);
    // A year-less date takes the article's year.
    expect(stored.fields).toMatchObject({ date: "13/9", dateValue: "2023-09-13", datePrecision: "day" });
    const row = await getDb().annotation.findUniqueOrThrow({ where: { id: made.id }, select: { searchText: true } });
    expect(row.searchText).toContain("nga se giup trieu tien");
    const assignment = await getDb().sessionAssignment.findFirstOrThrow({ where: { sessionId: session.id, userId: d.owner.user.id } });
    expect(assignment.status).toBe("IN_PROGRESS");
    const audits = await getDb().auditEvent.findMany({ where: { entityId: made.id, action: "annotation.create" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toMatchObject({ id: made.id, exact: quote, sessionId: session.id });
    const events = await getDb().changeEvent.findMany({ where: { entityId: made.id } });
    expect(events.map((e) => [e.kind, e.articleId, e.sessionId, e.version])).toEqual([["annotation.created", d.article.articleId, session.id, 1]]);
  });

  it("writes nothing when a check fails", async () => {
    const d = await desk();
    const other = await newUser("Minh");
    const foreign = await createEntity(other.actor, { name: "Người ngoài", kind: "PERSON" });
    const before = await getDb().annotation.count({ where: { workspaceId: d.owner.workspace.id } });
    const base = { passageId: d.passage.id, start: 0, end: 4, claimTypeId: d.typeId, modality: "ASSERTED" as const };
    await expect(createAnnotation(d.owner.actor, { ...base, speakers: [{ entityId: foreign.id }] })).rejects.toMatchObject({ code: "validation" });
    await expect(createAnnotation(d.owner.actor, { ...base, actorEntityIds: [d.tass.id] })).rejects.toMatchObject({ code: "validation" });
    await expect(createAnnotation(d.owner.actor, { ...base, claimTypeId: crypto.randomUUID() })).rejects.toMatchObject({ code: "validation" });
    await expect(createAnnotation(d.owner.actor, { ...base, exact: "Sai" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(createAnnotation(other.actor, base)).rejects.toMatchObject({ code: "not_found" });
    expect(await getDb().annotation.count({ where: { workspaceId: d.owner.workspace.id } })).toBe(before);
    expect(await getDb().auditEvent.count({ where: { workspaceId: d.owner.workspace.id, action: "annotation.create" } })).toBe(0);
  });

  it("racing a text correction, never stores a quote the paragraph does not hold without a flag", async () => {
    const d = await desk();
    const quote = "Điện Kremlin sau đó phủ nhận";
    let text = d.passage.text;
    for (let round = 0; round < 12; round++) {
      const span = quoteSpan(text, quote)!;
      const next = round % 2 ? text.replace("Ngày 13/9, ", "") : `Ngày 13/9, ${text}`;
      const [created, corrected] = await Promise.allSettled([
        createAnnotation(d.owner.actor, { passageId: d.passage.id, ...span, exact: quote, claimTypeId: d.typeId, modality: "ASSERTED" }),
        updatePassageText(d.owner.actor, { passageId: d.passage.id, text: next }),
      ]);
      expect(corrected.status).toBe("fulfilled");
      // Losing the race to the correction may refuse the old offsets (a clear 400), never a 500.
      if (created.status === "rejected") expect(created.reason).toMatchObject({ code: "bad_request" });
      text = next;
    }
    const passage = await getDb().passage.findUniqueOrThrow({ where: { id: d.passage.id }, select: { text: true } });
    const claims = await getDb().annotation.findMany({
      where: { passageId: d.passage.id },
      select: { start: true, end: true, exact: true, orphaned: true, needsReview: true },
    });
    // Which side wins each round is up to the scheduler (all creates may lose and be refused);
    // every claim that was stored must sit on the words it quotes, or be flagged.
    const points = [...passage.text];
    for (const c of claims) {
      if (c.orphaned || c.needsReview) continue;
      expect(points.slice(c.start, c.end).join("")).toBe(c.exact);
    }
  });
});
