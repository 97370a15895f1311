import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { updateArticle } from "@/lib/server/article-metadata";
import { getReaderData, importArticle } from "@/lib/server/articles";
import { getMatrix, getProposition } from "@/lib/server/comparison";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { setMember } from "@/lib/server/workspaces";
import { at, expectAppError, expectFieldError, importPassages, markQuote, newUser, type TestUser, actorFor } from "@/lib/test/helpers";

// An article's provenance is editable after import, and verdicts follow it at once.

const GIFT = "Ông Kim được tặng năm UAV tấn công.";
const versionOf = async (id: string) => (await getDb().article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe("correcting an article's metadata", () => {
  let owner: TestUser;
  let ws: string;
  type Imported = Awaited<ReturnType<typeof importPassages>>;
  let first: Imported;
  let second: Imported;
  let propositionId: string;

  beforeAll(async () => {
    owner = await newUser("Metadata desk");
    ws = owner.workspace.id;
    // Two outlets relaying the same wire: one origin.
    first = await importPassages(owner, `${GIFT}\n\nBài một.`, { title: "Báo Một đưa tin", publisher: "Báo Một", origins: ["TASS"] });
    second = await importPassages(owner, `${GIFT}\n\nBài hai.`, { title: "Báo Hai đưa tin", publisher: "Báo Hai", origins: ["TASS"] });
    const claims: Awaited<ReturnType<typeof markQuote>>[] = [];
    for (const a of [first, second]) claims.push(await markQuote(owner, a.passages, GIFT, "gift"));
    const p = await actorFor(owner.user.id, ws).then((who) =>
      createPropositionFromClaim(who, { annotationId: at(claims, 0).id, statement: "Kim was given five attack drones", stance: "SUPPORTS" }),
    );
    propositionId = p.id;
    await actorFor(owner.user.id, ws).then((who) => linkMention(who, { annotationId: at(claims, 1).id, propositionId, stance: "SUPPORTS" }));
  });

  it("changes publisher and origins by name, and the verdict follows: a relay becomes independent, and back", async () => {
    const before = await getProposition(owner.actor, propositionId);
    expect(before.verdict.kind).toBe("single_origin");
    expect(before.verdict.supports.origins.map((o) => o.label)).toEqual(["TASS"]);

    // The desk finds the second outlet reported it itself: no origin, so its publisher is the origin.
    const own = await actorFor(owner.user.id, ws).then((who) =>
      updateArticle(who, { id: second.articleId, version: 1, origins: [], publisher: "Báo Hai Mới" }),
    );
    expect(own).toMatchObject({ version: 2, publisher: { name: "Báo Hai Mới" }, origins: [], redatedClaims: 0 });
    const independent = await getProposition(owner.actor, propositionId);
    expect(independent.verdict.kind).toBe("agree");
    expect(independent.verdict.supports.origins.map((o) => o.label).sort()).toEqual(["Báo Hai Mới", "TASS"]);
    const byPublisher = await getMatrix(owner.actor, { columns: "publishers" });
    expect(byPublisher.columns.map((c) => c.label).sort()).toEqual(["Báo Hai Mới", "Báo Một"]);

    // Relaying again, named differently: matched to the same source, ignoring case and accents.
    const sources = await getDb().source.count({ where: { workspaceId: ws } });
    const relay = await actorFor(owner.user.id, ws).then((who) => updateArticle(who, { id: second.articleId, version: 2, origins: ["tass", "Reuters"] }));
    expect(relay.origins.map((o) => o.name)).toEqual(["TASS", "Reuters"]);
    expect(await getDb().source.count({ where: { workspaceId: ws } })).toBe(sources + 1);
    const relayed = await getProposition(owner.actor, propositionId);
    expect(relayed.verdict.kind).toBe("single_origin");
    expect(relayed.verdict.supports).toMatchObject({ outlets: 2, origins: [expect.objectContaining({ label: "TASS", mentions: 2 })] });
    const reader = await getReaderData(owner.actor, second.articleId);
    expect(reader).toMatchObject({ version: 3, publisher: { name: "Báo Hai Mới" }, origins: [{ name: "TASS" }, { name: "Reuters" }] });
  });

  it("refuses a stale version with 409, a script link with 422, and viewers, changing nothing", async () => {
    const row = () =>
      getDb().article.findUniqueOrThrow({
        where: { id: first.articleId },
        select: { title: true, url: true, version: true, publisherId: true, origins: { select: { sourceId: true } } },
      });
    const viewer = await newUser("Viewer");
    await actorFor(owner.user.id, ws).then((who) => setMember(who, { email: viewer.email, role: "VIEWER" }));
    const before = await row();
    const audits = await getDb().auditEvent.count({ where: { workspaceId: ws } });
    const stale = await expectAppError(
      actorFor(owner.user.id, ws).then((who) =>
        updateArticle(who, { id: first.articleId, version: before.version + 5, title: "Changed", publisher: "Someone" }),
      ),
      "conflict",
      /Someone else changed/,
    );
    expect(stale.details).toEqual({ currentVersion: before.version });
    await expectFieldError(
      actorFor(owner.user.id, ws).then((who) => updateArticle(who, { id: first.articleId, version: before.version, url: "javascript:alert(1)" })),
      "url",
    );
    await expectFieldError(
      actorFor(owner.user.id, ws).then((who) => updateArticle(who, { id: first.articleId, version: before.version, publishedAt: "2023-02-30" })),
      "publishedAt",
      /does not exist/,
    );
    await expectAppError(
      actorFor(viewer.user.id, ws).then((who) => updateArticle(who, { id: first.articleId, version: before.version, title: "Mine" })),
      "forbidden",
    );
    await expectAppError(
      actorFor(viewer.user.id, viewer.workspace.id).then((who) => updateArticle(who, { id: first.articleId, version: before.version, title: "Mine" })),
      "not_found",
    );
    expect(await row()).toEqual(before);
    expect(await getDb().auditEvent.count({ where: { workspaceId: ws } })).toBe(audits);
    expect(await versionOf(first.articleId)).toBe(before.version);

    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { workspaceId: ws, action: "article.update", entityId: second.articleId },
      select: { before: true, after: true },
    });
    expect(audit.before).toMatchObject({ publisher: { name: "Báo Hai" }, origins: [{ source: { name: "TASS" } }] });
  });

  it("refuses javascript: and other non-web links at import, and keeps the metadata lines it removed", async () => {
    const text = "Kim thăm Nga\n\nĐăng ngày: 13/09/2023\n\nÔng Kim đến Vladivostok bằng tàu bọc thép.\n\nĐức Trung (Theo Reuters)";
    await expectFieldError(
      actorFor(owner.user.id, ws).then((who) => importArticle(who, { text, title: "Kim thăm Nga", url: "javascript:alert(document.cookie)" })),
      "url",
      /http/,
    );
    await expectFieldError(
      actorFor(owner.user.id, ws).then((who) => importArticle(who, { text, title: "Kim thăm Nga", url: "data:text/html,<script>1</script>" })),
      "url",
      /http/,
    );
    const { id } = await actorFor(owner.user.id, ws).then((who) => importArticle(who, { text, title: "Kim thăm Nga", url: "https://example.org/kim" }));
    const reader = await getReaderData(owner.actor, id);
    expect(reader.passages.map((p) => p.text)).toEqual(["Ông Kim đến Vladivostok bằng tàu bọc thép."]);
    expect(reader.metadataLines).toEqual([
      { text: "Kim thăm Nga", kind: "title" },
      { text: "Đăng ngày: 13/09/2023", kind: "date" },
      { text: "Đức Trung (Theo Reuters)", kind: "credit" },
    ]);
  });
});
