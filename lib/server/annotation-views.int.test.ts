import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { readAnnotationViews } from "@/lib/server/annotation-views";
import { annotationSelect, toAnnotationView } from "@/lib/server/annotations";
import { getReaderData } from "@/lib/server/articles";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { createSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";
import { at, importPassages, markQuote, newUser } from "@/lib/test/helpers";

// The one-statement read must answer what Prisma's nested select answers, field for field.

const TEXT = [
  "Ông Putin nói Nga sẽ giúp Triều Tiên chế tạo vệ tinh, theo TASS.",
  "Điện Kremlin phủ nhận mọi thỏa thuận vũ khí với Bình Nhưỡng.",
  "Hãng KCNA cho biết ông Kim đã thăm nhà máy Komsomolsk.",
].join("\n\n");

describe("readAnnotationViews", () => {
  it("answers every claim exactly as annotationSelect + toAnnotationView does", async () => {
    const owner = await newUser("Hà");
    const reviewer = await newUser("Minh");
    const { articleId, passages } = await importPassages(owner, TEXT, { title: "Thượng đỉnh" });
    const putin = await createEntity(owner.actor, { name: "Vladimir Putin", kind: "PERSON" });
    const kremlin = await createEntity(owner.actor, { name: "Điện Kremlin", kind: "ORGANIZATION" });
    const tass = await createSource(owner.actor, { name: "TASS" });
    const a = await markQuote(owner, passages, "Nga sẽ giúp Triều Tiên", "arms_transfer", {
      speakers: [{ entityId: putin.id }, { sourceId: tass.id }],
      actorEntityIds: [kremlin.id, putin.id],
      actors: ["Bình Nhưỡng"],
      fields: { date: "13/9/2023", quantities: [{ value: "2", item: "vệ tinh" }] },
      note: "Đối chiếu với KCNA",
    });
    const b = await markQuote(owner, passages, "phủ nhận mọi thỏa thuận", "arms_transfer", { speakers: [{ entityId: kremlin.id }], modality: "DENIED" });
    await markQuote(owner, passages, "ông Kim đã thăm", "arms_transfer");
    const deleted = await markQuote(owner, passages, "nhà máy Komsomolsk", "arms_transfer");
    const p1 = await createPropositionFromClaim(owner.actor, { annotationId: a.id, statement: "Nga giúp vệ tinh" });
    await linkMention(owner.actor, { annotationId: b.id, propositionId: p1.id, stance: "REFUTES" });
    const p2 = await createPropositionFromClaim(owner.actor, { annotationId: b.id, statement: "Không có thỏa thuận" });
    expect(p2.id).not.toBe(p1.id);
    await getDb().annotation.update({
      where: { id: b.id },
      data: {
        status: "REJECTED",
        reviewedById: reviewer.user.id,
        reviewedAt: new Date("2026-11-30T08:15:30.123Z"),
        reviewReason: "Trích sai",
        needsReview: true,
        anchorReview: { before: "phủ nhận", reason: "đoạn văn đã sửa", score: 0.8 },
      },
    });
    await getDb().annotation.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    const ws = owner.workspace.id;
    const viaPrisma = (
      await getDb().annotation.findMany({
        where: { workspaceId: ws, deletedAt: null, passage: { articleId } },
        select: annotationSelect,
        orderBy: [{ passage: { position: "asc" } }, { start: "asc" }, { id: "asc" }],
      })
    ).map(toAnnotationView);
    const viaSql = await readAnnotationViews(Prisma.sql`a."workspaceId" = ${ws}::uuid AND a."deletedAt" IS NULL AND p."articleId" = ${articleId}::uuid`);
    expect(viaSql).toHaveLength(3);
    expect(viaSql).toEqual(viaPrisma);
    // The reader reads through it too, and still leaves the deleted claim out.
    const reader = await getReaderData(owner.actor, articleId);
    expect(reader.annotations).toEqual(viaPrisma);
    expect(at(viaSql, 1).mentions.map((m) => m.stance)).toEqual(["REFUTES", expect.any(String)]);
  });
});
