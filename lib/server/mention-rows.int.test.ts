import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { mentionSelect } from "@/lib/server/comparison";
import { toMentionInput } from "@/lib/server/mention-inputs";
import { readCellRows, readMentionRows } from "@/lib/server/mention-rows";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { createSession } from "@/lib/server/sessions";
import { createSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";
import { importPassages, markQuote, newUser } from "@/lib/test/helpers";

// The one-statement read of mention links must answer what Prisma's nested `mentionSelect` does.

describe("readMentionRows", () => {
  it("answers every link exactly as mentionSelect does, with speakers, actors, sessions, publishers and origins", async () => {
    const owner = await newUser("Lan");
    const one = await importPassages(owner, "Ông Putin nói Nga sẽ giúp Triều Tiên chế tạo vệ tinh.\n\nĐiện Kremlin phủ nhận.", {
      title: "Báo Một",
      publisher: "Báo Một",
      origins: ["TASS", "Reuters"],
      publishedAt: "2023-09-14",
      language: "vi",
    });
    const two = await importPassages(owner, "KCNA nói ông Kim đã thăm nhà máy Komsomolsk.", { title: "Không ngày" });
    const putin = await createEntity(owner.actor, { name: "Vladimir Putin", kind: "PERSON" });
    const kremlin = await createEntity(owner.actor, { name: "Điện Kremlin", kind: "ORGANIZATION" });
    const kcna = await createSource(owner.actor, { name: "KCNA", kind: "STATE_MEDIA" });
    const session = await createSession(owner.actor, { name: "Vòng 1", articleIds: [two.articleId], annotatorIds: [owner.user.id] });
    const a = await markQuote(owner, one.passages, "Nga sẽ giúp Triều Tiên", "arms_transfer", {
      speakers: [{ entityId: putin.id }, { sourceId: kcna.id }],
      actorEntityIds: [kremlin.id, putin.id],
      actors: ["Bình Nhưỡng"],
      fields: { date: "13/9", quantities: [{ value: "2", item: "vệ tinh" }] },
    });
    const b = await markQuote(owner, one.passages, "phủ nhận", "arms_transfer", { modality: "DENIED", speakers: [{ entityId: kremlin.id }] });
    const c = await markQuote(owner, two.passages, "ông Kim đã thăm", "arms_transfer", { sessionId: session.id });
    const p = await createPropositionFromClaim(owner.actor, { annotationId: a.id, statement: "Nga giúp vệ tinh" });
    await linkMention(owner.actor, { annotationId: b.id, propositionId: p.id, stance: "REFUTES" });
    await linkMention(owner.actor, { annotationId: c.id, propositionId: p.id, stance: "SUPPORTS" });
    await getDb().annotationSession.update({ where: { id: session.id }, data: { closedAt: new Date("2026-11-30T10:00:00.250Z") } });

    const ws = owner.workspace.id;
    const viaPrisma = await getDb().mentionLink.findMany({
      where: { workspaceId: ws, propositionId: p.id, annotation: { deletedAt: null } },
      select: mentionSelect,
      orderBy: [{ createdAt: "asc" }, { annotationId: "asc" }],
    });
    const viaSql = await readMentionRows(getDb(), Prisma.sql`ml."workspaceId" = ${ws}::uuid AND ml."propositionId" = ${p.id}::uuid AND an."deletedAt" IS NULL`);
    expect(viaSql).toHaveLength(3);
    expect(viaSql).toEqual(viaPrisma);

    // The matrix's narrow read gives each link the same counting facts and attribution.
    const cells = await readCellRows(getDb(), Prisma.sql`ml."workspaceId" = ${ws}::uuid AND ml."propositionId" = ${p.id}::uuid AND an."deletedAt" IS NULL`);
    const whole = viaPrisma.map((m) => {
      const { speakers, articleOrigins, publisher } = toMentionInput(m.stance, m.annotation, new Map());
      const { orphaned, needsReview, status, reconciled, session } = m.annotation;
      return { propositionId: m.propositionId, stance: m.stance, orphaned, needsReview, status, reconciled, session, speakers, articleOrigins, publisher };
    });
    expect(cells).toHaveLength(3);
    expect(cells).toEqual(expect.arrayContaining(whole));
    // The closed session's time comes back as a Date, not the string PostgreSQL sends.
    expect(cells.map((c) => c.session?.closedAt ?? null)).toContainEqual(new Date("2026-11-30T10:00:00.250Z"));
  });
});
