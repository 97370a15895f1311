import { describe, expect, it } from "vitest";
import { requireMember } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { getMatrix } from "@/lib/server/comparison";
import { ensureVerdicts } from "@/lib/server/verdict-store";
import { signUp } from "@/lib/server/users";
import { listClaimTypes } from "@/lib/server/workspaces";
import { at } from "@/lib/test/helpers";

// The comparison page must read well at 500 propositions × 50 sources: measure the service on
// that shape (rows written in bulk, not through the services, to keep set-up fast).
describe("comparison matrix at scale", () => {
  it("serves 500 propositions × 50 sources a page at a time from stored verdicts (speed is measured by npm run bench)", async () => {
    const { user, workspace } = await signUp({ name: "Scale desk", email: `scale-${Date.now()}@test.local`, password: "scale-password" });
    const ws = workspace.id;
    const actor = await requireMember(user.id, ws);
    const type = at(await listClaimTypes(actor), 0);
    const db = getDb();
    const sources = Array.from({ length: 50 }, (_, i) => ({ id: crypto.randomUUID(), workspaceId: ws, name: `Outlet ${i}`, normalizedName: `outlet ${i}` }));
    await db.source.createMany({ data: sources });
    const articles = sources.map((s, i) => ({
      id: crypto.randomUUID(),
      workspaceId: ws,
      title: `Article ${i}`,
      contentHash: `hash-${i}-${ws}`,
      publisherId: s.id,
    }));
    await db.article.createMany({ data: articles });
    const passages = articles.map((a) => ({
      id: crypto.randomUUID(),
      workspaceId: ws,
      articleId: a.id,
      position: 0,
      text: "North Korea shipped shells to Russia, officials said.",
    }));
    await db.passage.createMany({ data: passages });
    const annotations = Array.from({ length: 2000 }, (_, i) => ({
      id: crypto.randomUUID(),
      workspaceId: ws,
      passageId: at(passages, i % 50).id,
      start: 0,
      end: 11,
      exact: "North Korea",
      prefix: "",
      suffix: " shipped shells",
      claimTypeId: type.id,
      authorId: user.id,
    }));
    await db.annotation.createMany({ data: annotations });
    const props = Array.from({ length: 500 }, (_, i) => ({ id: crypto.randomUUID(), workspaceId: ws, statement: `Proposition ${i}`, claimTypeId: type.id }));
    await db.proposition.createMany({ data: props });
    const stances = ["SUPPORTS", "REFUTES", "NEUTRAL"] as const;
    await db.mentionLink.createMany({
      data: annotations.map((a, i) => ({ workspaceId: ws, annotationId: a.id, propositionId: at(props, i % 500).id, stance: at(stances, (i * 7) % 3) })),
    });

    // Rows written behind the services' back have no stored verdict yet: the first read computes them.
    const t0 = performance.now();
    await ensureVerdicts(ws);
    const healed = performance.now() - t0;
    const t1 = performance.now();
    const first = await getMatrix(actor, { sort: "contested" });
    const elapsed = performance.now() - t1;
    const last = await getMatrix(actor, { sort: "contested", page: 10, columns: "origins" });
    console.log(`matrix 500×50 with 2000 mentions: verdicts computed in ${healed.toFixed(0)} ms, then page 1 in ${elapsed.toFixed(0)} ms`);

    expect(first.total).toBe(500);
    expect(first.rows).toHaveLength(50);
    expect(first.pageCount).toBe(10);
    expect(last.rows).toHaveLength(50);
    expect(first.columns.length).toBeLessThanOrEqual(50);
    // Each proposition has 4 mentions over 3 stances, so the most contested come first.
    expect(at(first.rows, 0).verdict.kind).toBe("conflict");
    // Page 10 holds the last 50 of the same order, none of page 1.
    const firstIds = new Set(first.rows.map((r) => r.id));
    expect(last.rows.filter((r) => firstIds.has(r.id))).toEqual([]);
    expect(await getDb().propositionVerdict.count({ where: { workspaceId: ws, stale: false } })).toBe(500);
  });
});
