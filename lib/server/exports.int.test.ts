import { actorFor, at, entry } from "@/lib/test/helpers";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { HAVE_W3C_TESTS, w3cValidator } from "@/lib/domain/export/test-w3c";
import { quoteSpan } from "@/lib/domain/anchoring";
import { createAnnotation } from "@/lib/server/annotations";
import { importArticle } from "@/lib/server/articles";
import { propositionExport } from "@/lib/server/export-reports";
import { mentionExport } from "@/lib/server/export-stream";
import { claimReview } from "@/lib/domain/export/claimreview";
import { toErrorBody } from "@/lib/server/errors";
import { exportPropositions, parseScope } from "@/lib/server/exports";
import { createPropositionFromClaim, linkMention, updateProposition } from "@/lib/server/propositions";
import { signUp } from "@/lib/server/users";
import { listClaimTypes } from "@/lib/server/workspaces";

const BASE = "https://desk.example";
// The desk's full rating on a 1 (false) … 5 (true) scale, with its published fact-check.
const RATING = {
  ratingLabel: "Disputed",
  ratingValue: 2,
  ratingBest: 5,
  ratingWorst: 1,
  reviewUrl: "https://desk.example/checks/shells",
  reviewDate: "2023-09-20",
};

async function readStream(res: Response): Promise<{ text: string; chunks: number }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { text, chunks };
    chunks += 1;
    text += decoder.decode(value, { stream: true });
  }
}

describe("exports", () => {
  let actor: Actor;
  let userId: string;
  let ws: string;
  let propositionId: string;

  beforeAll(async () => {
    const { user, workspace } = await signUp({ name: "Export desk", email: `export-${Date.now()}@test.local`, password: "export-password" });
    userId = user.id;
    ws = workspace.id;
    actor = await requireMember(userId, ws);
    const types = await listClaimTypes(actor);
    const text = 'Wire says 🚀 Pyongyang shipped =HYPERLINK("x") shells, "officials" said.\n\nMoscow denied it.';
    const a = await actorFor(userId, ws).then((who) =>
      importArticle(who, { text, title: "Export test", publisher: "Outlet", origins: ["Wire"], publishedAt: "2023-09-14" }),
    );
    const passages = await getDb().passage.findMany({ where: { articleId: a.id }, select: { id: true, text: true }, orderBy: { position: "asc" } });
    const mark = (p: { id: string; text: string }, quote: string, typeKey: string, note?: string) => {
      return actorFor(userId, ws).then((who) =>
        createAnnotation(who, {
          passageId: p.id,
          ...quoteSpan(p.text, quote),
          exact: quote,
          claimTypeId: types.find((t) => t.key === typeKey)!.id,
          modality: "REPORTED",
          note,
        }),
      );
    };
    const shipped = await mark(at(passages, 0), 'Pyongyang shipped =HYPERLINK("x") shells', "arms_transfer", "+cmd|' /C calc'!A0");
    const denied = await mark(at(passages, 1), "Moscow denied it", "denial");
    const p = await actorFor(userId, ws).then((who) =>
      createPropositionFromClaim(who, { annotationId: shipped.id, statement: "North Korea shipped shells", stance: "SUPPORTS" }),
    );
    propositionId = p.id;
    await actorFor(userId, ws).then((who) => linkMention(who, { annotationId: denied.id, propositionId: p.id, stance: "REFUTES" }));
    await actorFor(userId, ws).then((who) => updateProposition(who, { id: p.id, statement: "North Korea shipped shells", claimTypeId: null, ...RATING }));
  });

  it("names each file after its scope, so exports of different scopes do not collide", async () => {
    const name = (res: Response) => res.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1];
    const day = new Date().toISOString().slice(0, 10);
    const all = await mentionExport(actor, "csv", parseScope({}), BASE);
    expect(name(all)).toBe(`export-desk-s-desk-claims-${day}.csv`);
    await all.body?.cancel();
    const articleId = (await getDb().article.findFirstOrThrow({ where: { workspaceId: ws, title: "Export test" }, select: { id: true } })).id;
    const scoped = await mentionExport(actor, "jsonl", parseScope({ articleId, verdict: "conflict", from: "2023-09-01", to: "2023-09-30" }), BASE);
    expect(name(scoped)).toBe(`export-desk-s-desk-claims-export-test-conflict-2023-09-01-to-2023-09-30-${day}.jsonl`);
    await scoped.body?.cancel();
    const report = await propositionExport(actor, "markdown", parseScope({ propositionIds: propositionId }), BASE);
    expect(name(report)).toBe(`export-desk-s-desk-claim-report-north-korea-shipped-shells-${day}.md`);
  });

  it("CSV: one row per mention and proposition, formulas neutralised, RFC 4180 quoting", async () => {
    const res = await mentionExport(actor, "csv", parseScope({}), BASE);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const { text } = await readStream(res);
    const rows: Record<string, string>[] = parse(text.replace(/^\uFEFF/, ""), { columns: true });
    expect(rows).toHaveLength(2);
    const shipped = rows.find((r) => r.stance === "SUPPORTS")!;
    expect(shipped.quote).toBe('Pyongyang shipped =HYPERLINK("x") shells');
    expect(entry(shipped, "note").startsWith("'+cmd")).toBe(true);
    expect(shipped.independent_origins).toBe("Wire");
    expect(shipped.verdict).toBe("conflict");
    expect(shipped.rating).toBe("Disputed");
  });

  it("W3C Web Annotation: valid against the W3C schemas, code-point positions", async () => {
    const res = await mentionExport(actor, "w3c", parseScope({}), BASE);
    const doc = JSON.parse((await readStream(res)).text);
    expect(doc.type).toBe("AnnotationCollection");
    const items = doc.first.items;
    expect(items).toHaveLength(2);
    const shipped = items.find((i: { target: { selector: { exact?: string }[] } }) => i.target.selector.some((s) => s.exact?.startsWith("Pyongyang")));
    // Each annotation's id resolves to the claim in the REST API.
    expect(shipped.id).toMatch(new RegExp(`^${BASE}/api/v1/workspaces/${ws}/annotations/[0-9a-f-]{36}$`));
    const position = shipped.target.selector.find((s: { type: string }) => s.type === "TextPositionSelector");
    // "Wire says 🚀 " is 12 code points (13 UTF-16 units).
    expect(position.start).toBe(12);
    if (HAVE_W3C_TESTS) {
      const validate = w3cValidator();
      for (const assertion of [
        "annotations/3.1-annotationContextValidated.json",
        "annotations/3.1-annotationTypeValidated.json",
        "annotations/3.1-targetKeyFound.json",
      ]) {
        const v = validate(assertion);
        expect(v({ "@context": doc["@context"], ...shipped }), `${assertion}: ${JSON.stringify(v.errors)}`).toBe(true);
      }
    }
  });

  it("JSONL narrows to one proposition; ClaimReview covers rated propositions; Markdown explains the verdict", async () => {
    const jsonl = (await readStream(await mentionExport(actor, "jsonl", parseScope({ propositionIds: propositionId, verdict: "conflict" }), BASE))).text;
    expect(jsonl.trim().split("\n")).toHaveLength(2);
    const none = (await readStream(await mentionExport(actor, "jsonl", parseScope({ verdict: "agree" }), BASE))).text;
    expect(none).toBe("");
    const reviews = await (await propositionExport(actor, "claimreview", parseScope({}), BASE)).json();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      "@type": "ClaimReview",
      claimReviewed: "North Korea shipped shells",
      url: "https://desk.example/checks/shells",
      datePublished: "2023-09-20",
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Disputed" },
    });
    const md = await (await propositionExport(actor, "markdown", parseScope({}), BASE)).text();
    expect(md).toContain("North Korea shipped shells");
    // Both claims come from one article relaying the wire, so the wire is the origin of each side.
    expect(md).toContain("1 independent origin supports it (Wire) and 1 refutes it (Wire)");
  });

  it("checks the desk's rating on its scale, records who rated, and publishes it in ClaimReview", async () => {
    const base = { id: propositionId, statement: "North Korea shipped shells", claimTypeId: null, ...RATING };
    const before = await getDb().proposition.findUniqueOrThrow({ where: { id: propositionId }, select: { ratingValue: true, updatedAt: true } });
    const off = await actorFor(userId, ws)
      .then((who) => updateProposition(who, { ...base, ratingValue: 7 }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    const { status, error } = toErrorBody(off);
    expect(status).toBe(422);
    expect(error.details?.fields).toEqual({ ratingValue: "The value must lie between 1 (worst) and 5 (best)" });
    await expect(actorFor(userId, ws).then((who) => updateProposition(who, { ...base, ratingBest: null }))).rejects.toMatchObject({
      code: "validation",
      details: { fields: { ratingBest: expect.any(String) } },
    });
    expect(await getDb().proposition.findUniqueOrThrow({ where: { id: propositionId }, select: { ratingValue: true, updatedAt: true } })).toEqual(before);

    // Another editor re-rates it: they become the reviewer.
    const other = await signUp({ name: "Second reviewer", email: `reviewer-${Date.now()}@test.local`, password: "review-password" });
    await getDb().membership.create({ data: { workspaceId: ws, userId: other.user.id, role: "EDITOR" } });
    const rerated = await actorFor(other.user.id, ws).then((who) => updateProposition(who, { ...base, ratingValue: 1, ratingLabel: "False" }));
    expect(rerated).toMatchObject({ ratingValue: 1, ratingLabel: "False", reviewerId: other.user.id });

    const exported = at(await exportPropositions(actor, parseScope({ propositionIds: propositionId })), 0);
    expect(exported.rating).toMatchObject({
      label: "False",
      value: 1,
      best: 5,
      worst: 1,
      url: RATING.reviewUrl,
      date: RATING.reviewDate,
      reviewer: "Second reviewer",
    });
    const review = claimReview(exported, { baseUrl: BASE, slug: "desk", publisherName: "Export desk" });
    expect(review).toMatchObject({
      url: RATING.reviewUrl,
      datePublished: RATING.reviewDate,
      reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
      author: [
        { "@type": "Organization", name: "Export desk" },
        { "@type": "Person", name: "Second reviewer" },
      ],
    });
    // Restore the rating the other tests read.
    expect(await actorFor(userId, ws).then((who) => updateProposition(who, base))).toMatchObject({ ratingLabel: "Disputed", reviewerId: userId });
  });

  it("streams large exports in batches instead of building them in memory", async () => {
    const type = at(await listClaimTypes(actor), 0);
    const passage = await getDb().passage.findFirstOrThrow({ where: { workspaceId: ws }, select: { id: true } });
    await getDb().annotation.createMany({
      data: Array.from({ length: 3000 }, () => ({
        workspaceId: ws,
        passageId: passage.id,
        start: 0,
        end: 4,
        exact: "Wire",
        prefix: "",
        suffix: " says",
        claimTypeId: type.id,
        authorId: userId,
      })),
    });
    const before = process.memoryUsage().heapUsed;
    const { text, chunks } = await readStream(await mentionExport(actor, "jsonl", parseScope({}), BASE));
    const grew = process.memoryUsage().heapUsed - before;
    expect(text.trim().split("\n")).toHaveLength(3002);
    // One chunk per batch of 1,000 records: the response is written as batches are read, not
    // assembled first, and not record by record either.
    expect(chunks).toBe(4);
    console.log(`jsonl export of 3002 claims: ${chunks} chunks, heap grew ${(grew / 1e6).toFixed(1)} MB while the test also held the whole text`);
    await expect(async () => parseScope({ propositionIds: "not-a-uuid" })).rejects.toThrow(/propositionIds must be ids/);
  });
});

describe("export records name what their claims point to", () => {
  it("speakers, actors, origins and propositions in order, the same read in batches of one as at once", async () => {
    const { exportMentions } = await import("@/lib/server/exports");
    const { createEntity } = await import("@/lib/server/speakers");
    const { createSource } = await import("@/lib/server/sources");
    const { importPassages, markQuote, newUser } = await import("@/lib/test/helpers");
    const owner = await newUser("Names desk");
    const putin = await createEntity(owner.actor, { name: "Vladimir Putin", kind: "PERSON" });
    const kremlin = await createEntity(owner.actor, { name: "Điện Kremlin", kind: "ORGANIZATION" });
    const tass = await createSource(owner.actor, { name: "TASS" });
    const one = await importPassages(owner, "Nga sẽ giúp Triều Tiên. Điện Kremlin phủ nhận.", {
      title: "Bài một",
      publisher: "Báo A",
      origins: ["Thông tấn X", "Thông tấn Y"],
    });
    const two = await importPassages(owner, "Triều Tiên chuyển đạn cho Nga.", { title: "Bài hai", publishedAt: "2024-06-19" });
    const help = await markQuote(owner, one.passages, "Nga sẽ giúp Triều Tiên", "arms_transfer", {
      speakers: [{ sourceId: tass.id }, { entityId: putin.id }],
      actorEntityIds: [kremlin.id, putin.id],
      actors: ["Bình Nhưỡng"],
    });
    const deny = await markQuote(owner, one.passages, "Điện Kremlin phủ nhận", "denial", { modality: "DENIED", speakers: [{ entityId: kremlin.id }] });
    const ship = await markQuote(owner, two.passages, "Triều Tiên chuyển đạn cho Nga", "arms_transfer", { speakers: [{ entityId: putin.id }] });
    const p1 = await createPropositionFromClaim(owner.actor, { annotationId: help.id, statement: "Nga giúp Triều Tiên", stance: "SUPPORTS" });
    const p2 = await createPropositionFromClaim(owner.actor, { annotationId: ship.id, statement: "Triều Tiên chuyển đạn", stance: "SUPPORTS" });
    await linkMention(owner.actor, { annotationId: help.id, propositionId: p2.id, stance: "NEUTRAL" });
    await linkMention(owner.actor, { annotationId: deny.id, propositionId: p1.id, stance: "REFUTES" });

    const read = async (opts: { batchSize?: number; throughClient?: boolean } = {}) => {
      const out = [];
      for await (const m of exportMentions(owner.actor, parseScope({}), opts)) out.push(m);
      return out;
    };
    const whole = await read();
    expect(await read({ batchSize: 1 })).toEqual(whole);
    // The fallback, should the snapshot's connection not be known: the client parses the rows, to the same records.
    expect(await read({ throughClient: true, batchSize: 2 })).toEqual(whole);
    const byId = new Map(whole.map((m) => [m.annotationId, m]));
    expect(byId.get(help.id)).toMatchObject({
      articleTitle: "Bài một",
      publisher: "Báo A",
      origins: ["Thông tấn X", "Thông tấn Y"],
      speakers: [
        { name: "TASS", type: "source" },
        { name: "Vladimir Putin", type: "entity", kind: "PERSON" },
      ],
      actors: ["Điện Kremlin", "Vladimir Putin", "Bình Nhưỡng"],
    });
    expect(byId.get(help.id)!.propositions.map((p) => [p.statement, p.stance])).toEqual([
      ["Nga giúp Triều Tiên", "SUPPORTS"],
      ["Triều Tiên chuyển đạn", "NEUTRAL"],
    ]);
    expect(byId.get(deny.id)).toMatchObject({ speakers: [{ name: "Điện Kremlin", type: "entity" }], actors: [], modality: "DENIED" });
    expect(byId.get(deny.id)!.propositions.map((p) => [p.id, p.stance])).toEqual([[p1.id, "REFUTES"]]);
    expect(byId.get(ship.id)).toMatchObject({ articleTitle: "Bài hai", publishedAt: "2024-06-19", publisher: null, origins: [], author: "Names desk" });
    expect(byId.get(ship.id)!.claimType).toBe(byId.get(help.id)!.claimType);
  });
});
