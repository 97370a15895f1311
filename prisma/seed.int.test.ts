import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { demoArticles } from "./demo/demo-content";
import { requireMember } from "@/lib/auth/membership";
import { getMatrix } from "@/lib/server/comparison";
import { demoPropositions } from "./demo/demo-propositions";
import { DEMO_SLUG, seedDemo } from "./seed";
import { at } from "@/lib/test/helpers";

describe("demo workspace", () => {
  it("is created once, through the services, with annotated articles", async () => {
    const first = await seedDemo();
    expect(first.created).toBe(true);
    const again = await seedDemo();
    expect(again.created).toBe(false);
    const ws = await getDb().workspace.findUniqueOrThrow({ where: { slug: DEMO_SLUG }, select: { id: true, isDemo: true } });
    expect(ws.isDemo).toBe(true);
    const articles = await getDb().article.count({ where: { workspaceId: ws.id } });
    expect(articles).toBe(demoArticles.length);
    const claims = await getDb().annotation.count({ where: { workspaceId: ws.id } });
    expect(claims).toBe(demoArticles.reduce((n, a) => n + a.claims.length, 0));
    const sources = await getDb().source.findMany({ where: { workspaceId: ws.id }, select: { name: true } });
    expect(sources.every((s) => s.name.includes("(demo)"))).toBe(true);
    const audit = await getDb().auditEvent.count({ where: { workspaceId: ws.id, action: "annotation.create" } });
    expect(audit).toBe(claims);
    const actor = await requireMember(first.userId, ws.id);
    const matrix = await getMatrix(actor, { sort: "contested" });
    expect(matrix.total).toBe(demoPropositions.length);
    // The demo shows every kind of verdict the desk needs to recognise.
    const kinds = new Set(matrix.rows.map((r) => r.verdict.kind));
    for (const kind of ["conflict", "detail_conflict", "single_origin"]) expect(kinds).toContain(kind);
    expect(at(matrix.rows, 0).verdict.kind).toBe("conflict");
  });
});
