import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getMatrix } from "@/lib/server/comparison";
import { mentionExport } from "@/lib/server/export-stream";
import { parseScope } from "@/lib/server/exports";
import { createEntity } from "@/lib/server/speakers";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { updatePassageText } from "@/lib/server/passages";
import { listClaimTypes } from "@/lib/server/workspaces";
import { importPassages, markQuote, newUser, type TestUser } from "@/lib/test/helpers";

// The comparison page and the exports read one filter module: for every filter, the matrix
// rows and the propositions in the CSV export are the same set.
describe("comparison filters agree between the matrix and the exports", () => {
  let owner: TestUser;
  const ids = {} as Record<"entity" | "sourceOne" | "arms" | "present" | "denied" | "armsType" | "giftType" | "session", string>;

  async function matrixIds(filter: Record<string, string>) {
    const out = new Set<string>();
    for (let page = 1; ; page++) {
      const m = await getMatrix(owner.actor, { ...filter, page: String(page) });
      for (const r of m.rows) out.add(r.id);
      if (page >= m.pageCount) return out;
    }
  }

  async function csvIds(filter: Record<string, string>) {
    const res = await mentionExport(owner.actor, "csv", parseScope(filter), "https://desk.example");
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as { proposition_id: string }[];
    return new Set(rows.map((r) => r.proposition_id).filter(Boolean));
  }

  beforeAll(async () => {
    owner = await newUser("Filters");
    const types = new Map((await listClaimTypes(owner.actor)).map((t) => [t.key, t.id]));
    const nk = await createEntity(owner.actor, { name: "Bắc Hàn", kind: "COUNTRY" });
    ids.entity = nk.id;
    const one = await importPassages(owner, "Bắc Hàn chuyển đạn pháo cho Nga, theo Nhà Trắng.\n\nMinh An (Theo Reuters)", {
      title: "Một",
      publisher: "Báo Một",
      origins: ["Reuters"],
      publishedAt: "2023-09-10",
    });
    const two = await importPassages(owner, "Moscow bác bỏ việc nhận đạn pháo.\n\nThu Hà", { title: "Hai", publisher: "Báo Hai", publishedAt: "2023-10-20" });
    const three = await importPassages(owner, "Ông Kim nhận năm UAV tấn công làm quà.\n\nThu Hà", {
      title: "Ba",
      publisher: "Báo Ba",
      publishedAt: "2024-06-19",
    });
    ids.sourceOne = (await getDb().source.findFirstOrThrow({ where: { workspaceId: owner.workspace.id, name: "Reuters" } })).id;
    const shells = await markQuote(owner, one.passages, "Bắc Hàn chuyển đạn pháo cho Nga", "arms_transfer", { actors: ["Bac Han"] });
    const denial = await markQuote(owner, two.passages, "Moscow bác bỏ việc nhận đạn pháo", "denial");
    const gift = await markQuote(owner, three.passages, "Ông Kim nhận năm UAV tấn công", "gift", { actorEntityIds: [nk.id] });
    const arms = await createPropositionFromClaim(owner.actor, { annotationId: shells.id, statement: "North Korea shipped shells", stance: "SUPPORTS" });
    await linkMention(owner.actor, { annotationId: denial.id, propositionId: arms.id, stance: "REFUTES" });
    const present = await createPropositionFromClaim(owner.actor, { annotationId: gift.id, statement: "Kim was given drones", stance: "SUPPORTS" });
    const denied = await createPropositionFromClaim(owner.actor, { annotationId: denial.id, statement: "Moscow denies it", stance: "SUPPORTS" });
    Object.assign(ids, { arms: arms.id, present: present.id, denied: denied.id, armsType: types.get("arms_transfer")!, giftType: types.get("gift")! });
    // A closed session whose reconciled claim is the gift (made directly: the session service has its own tests).
    const session = await getDb().annotationSession.create({
      data: { workspaceId: owner.workspace.id, name: "Quà", articleIds: [three.articleId], closedAt: new Date() },
      select: { id: true },
    });
    await getDb().annotation.update({ where: { id: gift.id }, data: { sessionId: session.id, reconciled: true } });
    ids.session = session.id;
    // An orphaned mention still matches its filters on both sides.
    const four = await importPassages(owner, "Bình Nhưỡng phủ nhận mọi cáo buộc.\n\nThu Hà", { title: "Bốn", publisher: "Báo Bốn", publishedAt: "2023-11-01" });
    const lost = await markQuote(owner, four.passages, "Bình Nhưỡng phủ nhận", "denial");
    await linkMention(owner.actor, { annotationId: lost.id, propositionId: denied.id, stance: "SUPPORTS" });
    await updatePassageText(owner.actor, { passageId: four.passages[0]!.id, text: "Một đoạn khác hẳn." });
  });

  it.each<[string, () => Record<string, string>, () => string[]]>([
    ["no filter", () => ({}), () => [ids.arms, ids.present, ids.denied]],
    ["the propositions' claim type", () => ({ claimTypeId: ids.armsType }), () => [ids.arms]],
    ["a source (an article origin)", () => ({ sourceId: ids.sourceOne }), () => [ids.arms]],
    ["a date range", () => ({ from: "2023-10-01", to: "2023-12-31" }), () => [ids.arms, ids.denied]],
    ["an entity, named by alias in free text or as an entity actor", () => ({ entityId: ids.entity }), () => [ids.arms, ids.present]],
    ["a session", () => ({ sessionId: ids.session }), () => [ids.present]],
    ["an unknown session", () => ({ sessionId: "00000000-0000-4000-8000-000000000000" }), () => []],
    ["a verdict", () => ({ verdict: "conflict" }), () => [ids.arms]],
  ])("%s", async (_name, filter, expected) => {
    const [matrix, csv] = await Promise.all([matrixIds(filter()), csvIds(filter())]);
    expect([...matrix].sort()).toEqual([...expected()].sort());
    expect([...csv].sort()).toEqual([...matrix].sort());
  });
});
