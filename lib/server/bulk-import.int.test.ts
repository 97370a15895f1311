import { lookup } from "node:dns/promises";
import { createServer, type Server } from "node:http";
import { hostname } from "node:os";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { createAnnotation } from "@/lib/server/annotations";
import { importArticle } from "@/lib/server/articles";
import { bulkImport } from "@/lib/server/bulk-import";
import { isPrivateAddress } from "@/lib/domain/import-html";
import { AppError } from "@/lib/server/errors";
import { mentionExport } from "@/lib/server/export-stream";
import { parseScope } from "@/lib/server/exports";
import { addAlias } from "@/lib/server/entities";
import { createEntity } from "@/lib/server/speakers";
import { fetchPage, previewHtmlImport, previewUrlImport } from "@/lib/server/web-page-import";
import { listClaimTypes, setMember } from "@/lib/server/workspaces";
import { at, newUser, actorFor } from "@/lib/test/helpers";

const utf8 = (s: string) => new TextEncoder().encode(s);
const jsonl = (...rows: unknown[]) => utf8(rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n"));
const cp = (text: string, sub: string) => Array.from(text.slice(0, text.indexOf(sub))).length;

async function appError(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const SUMMIT = `Kim Jong-un đến Vostochny

Đăng ngày: 13/09/2023

Nhà lãnh đạo Triều Tiên 🚀 Kim Jong-un đã đến sân bay vũ trụ Vostochny, theo hãng tin TASS.

Nhà Trắng nói Triều Tiên đã chuyển đạn pháo cho Nga để đổi lấy công nghệ vệ tinh.

(Theo Reuters)`;

const DENIAL = `Moscow bác bỏ cáo buộc

Điện Kremlin bác bỏ thông tin Nga mua vũ khí của Bình Nhưỡng, gọi đó là tin đồn vô căn cứ.

Người phát ngôn Dmitry Peskov nói hai nước chỉ bàn về hợp tác nhân đạo.`;

const p1 = "Nhà Trắng nói Triều Tiên đã chuyển đạn pháo cho Nga để đổi lấy công nghệ vệ tinh.";

async function counts(workspaceId: string) {
  const db = getDb();
  const [articles, passages, sources, annotations] = await Promise.all([
    db.article.count({ where: { workspaceId } }),
    db.passage.count({ where: { workspaceId } }),
    db.source.count({ where: { workspaceId } }),
    db.annotation.count({ where: { workspaceId } }),
  ]);
  return { articles, passages, sources, annotations };
}

describe("bulk JSONL import of articles, all or nothing", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    owner = await newUser("Bulk editor");
  });

  it("writes nothing from a file with any bad line, and lists every problem with its line", async () => {
    const before = await counts(owner.workspace.id);
    const file = jsonl(
      { text: SUMMIT, publisher: "VnExpress" },
      '{"text": "Broken line",}',
      { text: DENIAL, titel: "typo" },
      "",
      { text: "One more paragraph of text.", publishedAt: "13/09/2023" },
      { text: SUMMIT.replace(/\n/g, "\r\n") },
      { text: "A fine article body." },
    );
    const err = await appError(actorFor(owner.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "batch.jsonl", bytes: file })));
    expect(err.code).toBe("validation");
    expect(err.message).toBe("batch.jsonl: 4 problems found, so nothing from this file was imported. Fix them and import the file again.");
    expect(err.details?.errors).toEqual([
      expect.stringMatching(/^line 2: not valid JSON \(/),
      'line 3: unknown field "titel" (allowed: text, title, publishedAt, publisher, origins, byline, url, language)',
      'line 5: "publishedAt": Use the date format yyyy-mm-dd',
      "line 6: same article text as line 1; each article can be imported once",
    ]);
    expect(err.details?.more).toBe(0);
    expect(await counts(owner.workspace.id)).toEqual(before);
  });

  it("imports a valid file in one go, detecting what lines leave out, and refuses it a second time", async () => {
    const file = jsonl(
      { text: SUMMIT, publisher: "VnExpress" },
      { text: DENIAL, title: "Kremlin denies", origins: ["TASS"], url: "https://example.org/denial" },
    );
    const result = await actorFor(owner.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "batch.jsonl", bytes: file }));
    expect(result).toMatchObject({
      kind: "articles",
      claims: 0,
      articles: [
        { title: "Kim Jong-un đến Vostochny", passages: 2 },
        { title: "Kremlin denies", passages: 2 },
      ],
    });
    const stored = await getDb().article.findMany({
      where: { workspaceId: owner.workspace.id },
      select: {
        title: true,
        publishedAt: true,
        url: true,
        language: true,
        publisher: { select: { name: true } },
        origins: { select: { source: { select: { name: true, kind: true } } } },
        passages: { select: { text: true, searchText: true }, orderBy: { position: "asc" } },
      },
      orderBy: { title: "asc" },
    });
    expect(stored[0]).toMatchObject({
      title: "Kim Jong-un đến Vostochny",
      publishedAt: new Date("2023-09-13T00:00:00Z"),
      language: "vi",
      publisher: { name: "VnExpress" },
      origins: [{ source: { name: "Reuters", kind: "WIRE_AGENCY" } }],
    });
    expect(at(at(stored, 0).passages, 0).searchText).toContain("nha lanh dao trieu tien");
    expect(stored[1]).toMatchObject({
      title: "Kremlin denies",
      url: "https://example.org/denial",
      origins: [{ source: { name: "TASS", kind: "WIRE_AGENCY" } }],
    });
    const audit = await getDb().auditEvent.findMany({
      where: { workspaceId: owner.workspace.id, action: { in: ["article.import", "article.bulk_import", "source.create"] } },
      select: { action: true },
    });
    expect(audit.filter((a) => a.action === "article.import")).toHaveLength(2);
    expect(audit.filter((a) => a.action === "article.bulk_import")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "source.create")).toHaveLength(3);

    const before = await counts(owner.workspace.id);
    const again = await appError(
      actorFor(owner.user.id, owner.workspace.id).then((who) =>
        bulkImport(who, { fileName: "batch.jsonl", bytes: jsonl({ text: "A new article body." }, { text: DENIAL }) }),
      ),
    );
    expect(again.details?.errors).toEqual(["line 2: this article is already in the workspace as “Kremlin denies”; remove the line"]);
    expect(await counts(owner.workspace.id)).toEqual(before);
  });

  it("shows the first 100 problems and counts the rest", async () => {
    const lines = Array.from({ length: 130 }, (_, i) => `{"text": ${i}}`).join("\n");
    const err = await appError(
      actorFor(owner.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "many.jsonl", bytes: utf8(lines), kind: "articles" })),
    );
    expect(err.details?.errors).toHaveLength(100);
    expect((err.details?.errors as string[] | undefined)?.[99]).toBe('line 100: "text" must be a string, not 99');
    expect(err.details?.more).toBe(30);
  });

  it("names the limits: 5 MB and 5,000 lines", async () => {
    const big = await appError(
      actorFor(owner.user.id, owner.workspace.id).then((who) =>
        bulkImport(who, { fileName: "big.jsonl", bytes: new Uint8Array(5 * 1024 * 1024 + 10).fill(0x20) }),
      ),
    );
    expect([big.code, big.message]).toEqual(["too_large", "big.jsonl is 5.1 MB; the limit is 5 MB"]);
    const long = await appError(
      actorFor(owner.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "long.jsonl", bytes: utf8('{"text":"x"}\n'.repeat(5001)) })),
    );
    expect([long.code, long.message]).toEqual(["too_large", "long.jsonl has 5,001 lines; the limit is 5,000 per file. Split it into smaller files."]);
    const kind = await appError(actorFor(owner.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "x.csv", bytes: utf8("a") })));
    expect(kind.message).toMatch(/bulk import takes \.jsonl files/);
  });

  it("lets editors only", async () => {
    const viewer = await newUser("Viewer");
    await actorFor(owner.user.id, owner.workspace.id).then((who) => setMember(who, { email: viewer.email, role: "VIEWER" }));
    const err = await appError(
      actorFor(viewer.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "a.jsonl", bytes: jsonl({ text: "Body text." }) })),
    );
    expect(err.code).toBe("forbidden");
    const elsewhere = await appError(
      actorFor(viewer.user.id, "00000000-0000-4000-8000-000000000000").then((who) => bulkImport(who, { fileName: "a.jsonl", bytes: jsonl({ text: "x" }) })),
    );
    expect(elsewhere.code).toBe("not_found");
  });
});

describe("bulk JSONL import of claims", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  let summitId: string;
  beforeAll(async () => {
    owner = await newUser("Claims editor");
    summitId = (
      await actorFor(owner.user.id, owner.workspace.id).then((who) =>
        importArticle(who, { text: SUMMIT, title: "Kim Jong-un đến Vostochny", publisher: "VnExpress", url: "https://example.org/summit" }),
      )
    ).id;
    await actorFor(owner.user.id, owner.workspace.id).then((who) => importArticle(who, { text: DENIAL, title: "Moscow bác bỏ cáo buộc" }));
    await actorFor(owner.user.id, owner.workspace.id).then((who) => createEntity(who, { name: "Nhà Trắng", kind: "ORGANIZATION" }));
  });

  it("reports every unresolvable line and writes nothing", async () => {
    const file = jsonl(
      { articleTitle: "No such article", passage: 0, start: 0, end: 3, claimType: "visit" },
      { articleId: summitId, passage: 9, start: 0, end: 3, claimType: "visit" },
      { articleId: summitId, passage: 1, start: 0, end: 9, exact: "không có ở đây", claimType: "visit" },
      { articleUrl: "https://example.org/summit", passage: 1, start: 0, end: 9, claimType: "rumour" },
      { articleUrl: "https://example.org/summit", passage: 1, start: 0, end: 9, claimType: "visit", speaker: "Nobody" },
      { articleUrl: "https://example.org/summit", articleTitle: "Moscow bác bỏ cáo buộc", passage: 1, start: 0, end: 9, claimType: "visit" },
    );
    const err = await appError(actorFor(owner.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "claims.jsonl", bytes: file })));
    expect(err.details?.errors).toEqual([
      "line 1: no article with title “No such article” in this workspace (titles must match exactly)",
      "line 2: “Kim Jong-un đến Vostochny” has 2 paragraphs (0–1); there is no paragraph 9",
      // The quote is nowhere in the paragraph: at most an uncertain proposal, which is not imported.
      expect.stringMatching(
        /^line 3: quote does not match the text at 0–9: expected "không có ở đây", found "Nhà Trắng".*(not found elsewhere|found elsewhere only uncertainly .*correct start and end)/,
      ),
      "line 4: claim type “rumour” is not in this workspace (it has: Arms transfer, Denial, Gift, Visit, Meeting, Agreement, Sanction / threat, Technology transfer, Statement)",
      "line 5: speaker “Nobody” is neither an entity nor a source in this workspace; add it on the Entities page first, or leave speaker out",
      "line 6: no article with title “Moscow bác bỏ cáo buộc” in this workspace (titles must match exactly)",
    ]);
    expect((await counts(owner.workspace.id)).annotations).toBe(0);
  });

  it("imports claims by id, URL or title, re-anchoring offsets that miss their quote", async () => {
    const start = cp(p1, "Triều Tiên");
    const file = jsonl(
      {
        articleId: summitId,
        passage: 1,
        start,
        end: start + Array.from("Triều Tiên đã chuyển đạn pháo cho Nga").length,
        exact: "Triều Tiên đã chuyển đạn pháo cho Nga",
        claimType: "Arms transfer",
        modality: "alleged",
        speaker: "nha trang",
        actors: ["Triều Tiên", "Nga"],
        fields: { item: "đạn pháo" },
        note: "Nguồn: Nhà Trắng",
      },
      // Offsets counted in UTF-16 units (one too many after the emoji): re-anchored by the quote.
      { articleUrl: "https://example.org/summit", passage: 0, start: 27, end: 39, exact: "Kim Jong-un", claimType: "visit", speaker: "VnExpress" },
      { articleTitle: "Moscow bác bỏ cáo buộc", passage: 0, start: 0, end: 12, claimType: "denial", modality: "DENIED" },
    );
    const result = await actorFor(owner.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "claims.jsonl", bytes: file }));
    expect(result).toMatchObject({ kind: "claims", claims: 3, reanchored: 1, createdSpeakers: [] });
    const rows = await getDb().annotation.findMany({
      where: { workspaceId: owner.workspace.id },
      select: {
        start: true,
        end: true,
        exact: true,
        prefix: true,
        modality: true,
        actors: true,
        fields: true,
        note: true,
        claimType: { select: { key: true } },
        speakers: { select: { entity: { select: { name: true } }, source: { select: { name: true } } }, orderBy: { position: "asc" } },
      },
      orderBy: { claimType: { position: "asc" } },
    });
    expect(rows[0]).toMatchObject({
      start,
      end: start + 37,
      exact: "Triều Tiên đã chuyển đạn pháo cho Nga",
      modality: "ALLEGED",
      claimType: { key: "arms_transfer" },
      speakers: [{ entity: { name: "Nhà Trắng" }, source: null }],
      actors: ["Triều Tiên", "Nga"],
      fields: { item: "đạn pháo" },
      note: "Nguồn: Nhà Trắng",
    });
    expect(rows[1]).toMatchObject({ exact: "Điện Kremlin", claimType: { key: "denial" }, modality: "DENIED", speakers: [] });
    expect(rows[2]).toMatchObject({
      start: 26,
      end: 37,
      exact: "Kim Jong-un",
      claimType: { key: "visit" },
      speakers: [{ entity: null, source: { name: "VnExpress" } }],
    });
    expect(at(rows, 2).prefix.endsWith("🚀 ")).toBe(true);

    const err = await appError(actorFor(owner.user.id, owner.workspace.id).then((who) => bulkImport(who, { fileName: "claims.jsonl", bytes: file })));
    expect(err.details?.errors).toHaveLength(3);
    expect((err.details?.errors as string[] | undefined)?.[0]).toMatch(
      /^line 1: this claim \(Arms transfer, alleged, “Triều Tiên đã chuyển đạn pháo cho Nga”\) is already in the workspace/,
    );
    expect((await counts(owner.workspace.id)).annotations).toBe(3);
  });
});

describe("bulk JSONL import of claims with several speakers and counts", () => {
  it("stores speakers in order (two names of one speaker once), entity actors, and counts old and new; refuses a count that is not one", async () => {
    const owner = await newUser("Speakers editor");
    const ws = owner.workspace.id;
    const { id } = await actorFor(owner.user.id, ws).then((who) =>
      importArticle(who, { text: SUMMIT, title: "Summit", publisher: "VnExpress", publishedAt: "2023-09-13" }),
    );
    const house = await actorFor(owner.user.id, ws).then((who) => createEntity(who, { name: "Nhà Trắng", kind: "ORGANIZATION" }));
    await actorFor(owner.user.id, ws).then((who) => addAlias(who, { entityId: house.id, alias: "White House", language: "en" }));
    const quote = "Triều Tiên đã chuyển đạn pháo cho Nga";
    const start = cp(p1, quote);
    const line = { articleId: id, passage: 1, start, end: start + Array.from(quote).length, exact: quote, claimType: "arms_transfer", modality: "alleged" };
    const bad = await appError(
      actorFor(owner.user.id, ws).then((who) =>
        bulkImport(who, { fileName: "c.jsonl", bytes: jsonl({ ...line, fields: { quantities: [{ value: "nhiều", item: "đạn pháo" }] } }) }),
      ),
    );
    expect(bad.details?.errors).toEqual([expect.stringMatching(/^line 1: Quantity “nhiều”: no number found/)]);

    const result = await actorFor(owner.user.id, ws).then((who) =>
      bulkImport(who, {
        fileName: "c.jsonl",
        bytes: jsonl(
          {
            ...line,
            speakers: ["Nhà Trắng", "VnExpress", "White House"],
            actors: ["Nhà Trắng", "Nga"],
            fields: { quantities: [{ value: "1.000", item: "đạn pháo" }], date: "13/9" },
          },
          { ...line, modality: "reported", speaker: "VnExpress", fields: { quantity: "năm" } },
        ),
      }),
    );
    expect(result).toMatchObject({ claims: 2, createdSpeakers: [] });
    const rows = await getDb().annotation.findMany({
      where: { workspaceId: ws },
      select: {
        modality: true,
        actors: true,
        fields: true,
        speakers: { select: { entityId: true, sourceId: true }, orderBy: { position: "asc" } },
        actorEntities: { select: { entityId: true } },
      },
      orderBy: { modality: "asc" },
    });
    const vnx = (await getDb().source.findFirstOrThrow({ where: { workspaceId: ws, name: "VnExpress" }, select: { id: true } })).id;
    expect(rows[0]).toEqual({
      modality: "REPORTED",
      actors: [],
      fields: { quantities: [{ value: "năm" }] },
      speakers: [{ entityId: null, sourceId: vnx }],
      actorEntities: [],
    });
    expect(rows[1]).toEqual({
      modality: "ALLEGED",
      actors: ["Nga"],
      fields: { date: "13/9", dateValue: "2023-09-13", datePrecision: "day", quantities: [{ value: "1.000", item: "đạn pháo" }] },
      speakers: [
        { entityId: house.id, sourceId: null },
        { entityId: null, sourceId: vnx },
      ],
      actorEntities: [{ entityId: house.id }],
    });
  });
});

describe("W3C Web Annotation round trip between workspaces", () => {
  let a: Awaited<ReturnType<typeof newUser>>;
  let b: Awaited<ReturnType<typeof newUser>>;

  async function claimsOf(actor: Actor) {
    const rows = await getDb().annotation.findMany({
      where: { workspaceId: actor.workspaceId, deletedAt: null },
      select: {
        start: true,
        end: true,
        exact: true,
        prefix: true,
        suffix: true,
        modality: true,
        actors: true,
        fields: true,
        note: true,
        claimType: { select: { key: true } },
        speakers: { select: { entity: { select: { name: true, kind: true } }, source: { select: { name: true } } }, orderBy: { position: "asc" } },
        actorEntities: { select: { entity: { select: { name: true } } }, orderBy: { position: "asc" } },
        passage: { select: { position: true, article: { select: { title: true } } } },
      },
    });
    return rows
      .map(({ passage, ...r }) => ({ ...r, article: passage.article.title, passage: passage.position }))
      .sort((x, y) => `${x.article}|${x.passage}|${x.start}|${x.end}`.localeCompare(`${y.article}|${y.passage}|${y.start}|${y.end}`));
  }

  beforeAll(async () => {
    a = await newUser("Desk A");
    b = await newUser("Desk B");
  });

  it("reproduces every claim at the same offsets with the same type, modality and details", async () => {
    const summit = await actorFor(a.user.id, a.workspace.id).then((who) =>
      importArticle(who, { text: SUMMIT, title: "Kim Jong-un đến Vostochny", publisher: "VnExpress", origins: ["Reuters"] }),
    );
    const denial = await actorFor(a.user.id, a.workspace.id).then((who) =>
      importArticle(who, { text: DENIAL, title: "Moscow bác bỏ cáo buộc", publisher: "RFI" }),
    );
    const whiteHouse = await actorFor(a.user.id, a.workspace.id).then((who) => createEntity(who, { name: "Nhà Trắng", kind: "ORGANIZATION" }));
    const types = new Map((await listClaimTypes(a.actor)).map((t) => [t.key, t.id]));
    const passages = await getDb().passage.findMany({
      where: { workspaceId: a.workspace.id },
      select: { id: true, articleId: true, position: true, text: true },
    });
    const passage = (articleId: string, position: number) => passages.find((p) => p.articleId === articleId && p.position === position)!;
    const p0 = passage(summit.id, 0);
    const p1 = passage(summit.id, 1);
    const d0 = passage(denial.id, 0);
    const mark = (p: { id: string; text: string }, quote: string, extra: Record<string, unknown>) => {
      const start = cp(p.text, quote);
      return actorFor(a.user.id, a.workspace.id).then((who) =>
        createAnnotation(who, { passageId: p.id, start, end: start + Array.from(quote).length, exact: quote, ...extra }),
      );
    };
    // After the emoji: code points and UTF-16 offsets differ by one.
    await mark(p0, "Kim Jong-un đã đến sân bay vũ trụ Vostochny", {
      claimTypeId: types.get("visit"),
      modality: "REPORTED",
      speakers: [{ sourceId: (await getDb().source.findFirstOrThrow({ where: { workspaceId: a.workspace.id, name: "VnExpress" } })).id }],
    });
    // Nested: the outer allegation and the item inside it.
    await mark(p1, "Triều Tiên đã chuyển đạn pháo cho Nga", {
      claimTypeId: types.get("arms_transfer"),
      modality: "ALLEGED",
      speakers: [{ entityId: whiteHouse.id }],
      actors: ["Triều Tiên", "Nga"],
      fields: { item: "đạn pháo", date: "2023-09", quantities: [{ value: "1.000", item: "đạn pháo" }] },
      note: "Cáo buộc của Mỹ",
    });
    await mark(p1, "đạn pháo", { claimTypeId: types.get("technology_transfer"), modality: "SPECULATIVE" });
    await mark(d0, "Điện Kremlin bác bỏ thông tin", { claimTypeId: types.get("denial"), modality: "DENIED" });

    const exported = await (await mentionExport(a.actor, "w3c", parseScope({}), "https://claims.example.org")).text();
    expect(JSON.parse(exported).type).toBe("AnnotationCollection");

    // Workspace B gets the same article texts through the bulk import, so its ids differ.
    const articles = await actorFor(b.user.id, b.workspace.id).then((who) =>
      bulkImport(who, {
        fileName: "articles.jsonl",
        bytes: jsonl({ text: SUMMIT, publisher: "VnExpress", origins: ["Reuters"] }, { text: DENIAL, publisher: "RFI" }),
      }),
    );
    expect(articles.articles.map((x) => x.id)).not.toContain(summit.id);

    const result = await actorFor(b.user.id, b.workspace.id).then((who) => bulkImport(who, { fileName: "claims-a.jsonld", bytes: utf8(exported) }));
    expect(result).toMatchObject({ kind: "web-annotations", claims: 4, reanchored: 0, createdSpeakers: ["Nhà Trắng (entity)"] });

    const inA = await claimsOf(a.actor);
    const inB = await claimsOf(b.actor);
    expect(inA).toHaveLength(4);
    expect(inB).toEqual(inA);
    expect(inB.find((c) => c.exact === "Triều Tiên đã chuyển đạn pháo cho Nga")?.speakers).toEqual([
      { entity: { name: "Nhà Trắng", kind: "ORGANIZATION" }, source: null },
    ]);

    // The same file again: every claim is already there, so nothing is written.
    const again = await appError(actorFor(b.user.id, b.workspace.id).then((who) => bulkImport(who, { fileName: "claims-a.jsonld", bytes: utf8(exported) })));
    expect(again.details?.errors).toHaveLength(4);
    expect((await counts(b.workspace.id)).annotations).toBe(4);
    const audit = await getDb().auditEvent.count({ where: { workspaceId: b.workspace.id, action: "annotation.create" } });
    expect(audit).toBe(4);
  });

  it("refuses annotations whose article is not in the workspace, naming each", async () => {
    const c = await newUser("Desk C");
    const exported = await (await mentionExport(a.actor, "w3c", parseScope({}), "https://claims.example.org")).text();
    const err = await appError(actorFor(c.user.id, c.workspace.id).then((who) => bulkImport(who, { fileName: "claims-a.jsonld", bytes: utf8(exported) })));
    expect(err.details?.errors).toHaveLength(4);
    expect((err.details?.errors as string[] | undefined)?.[0]).toMatch(
      /^annotation 1 \(https:\/\/claims\.example\.org\/api\/v1\/workspaces\/[^/]+\/annotations\/.+\): the article is not in this workspace, and the quote “.+” was not found in exactly one paragraph here; import the article first$/,
    );
    // The same annotations as JSON Lines are recognised from their first line and reported by line number.
    const lines = (JSON.parse(exported) as { first: { items: unknown[] } }).first.items.map((item) => JSON.stringify(item)).join("\n");
    const byLine = await appError(actorFor(c.user.id, c.workspace.id).then((who) => bulkImport(who, { fileName: "claims-a.jsonl", bytes: utf8(lines) })));
    expect(((byLine.details?.errors ?? []) as string[]).map((e) => e.split(":")[0])).toEqual(["line 1", "line 2", "line 3", "line 4"]);
    const empty = await appError(actorFor(c.user.id, c.workspace.id).then((who) => bulkImport(who, { fileName: "empty.json", bytes: utf8("[]") })));
    expect(empty.message).toBe("empty.json contains no claims to import");
  });
});

describe("HTML and URL import previews", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    owner = await newUser("Web editor");
    server = createServer((req, res) => {
      if (req.url === "/article") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(`<html lang="en"><head><meta property="og:site_name" content="Example Post"><meta property="article:published_time" content="2024-06-19T10:00:00Z"><title>Putin lands in Pyongyang</title></head>
          <body><nav>Home News</nav><article><h1>Putin lands in Pyongyang</h1><p>Russian President Vladimir Putin arrived in Pyongyang early on Wednesday for a two-day visit.</p><p>It is his first trip to North Korea in 24 years.</p><script>alert(1)</script></article></body></html>`);
      } else if (req.url === "/big") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(`<p>${"x".repeat(2048)}</p>`);
      } else if (req.url === "/slow") {
        setTimeout(() => res.end("<p>late</p>"), 2000);
      } else if (req.url === "/pdf") {
        res.writeHead(200, { "content-type": "application/pdf" });
        res.end("%PDF");
      } else if (req.url === "/hop") {
        res.writeHead(302, { location: "/article" });
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const PAGE = `<html><head><meta property="og:site_name" content="Báo Mẫu"><meta name="author" content="Lan Nguyễn"><title>Kim thăm Nga</title></head><body><nav>Trang chủ</nav>
    <article><h1>Kim thăm Nga</h1><p>Ông Kim Jong-un đã đến sân bay vũ trụ Vostochny ở Viễn Đông Nga.</p><p>Hai nhà lãnh đạo hội đàm hơn bốn giờ.</p><img src=x onerror="alert(1)"></article></body></html>`;

  it("previews a saved page like pasted text, and finds it once imported", async () => {
    const preview = await actorFor(owner.user.id, owner.workspace.id).then((who) => previewHtmlImport(who, { fileName: "kim.html", bytes: utf8(PAGE) }));
    expect(preview).toMatchObject({ fileName: "kim.html", duplicateOf: null, parsed: { title: "Kim thăm Nga", publisher: "Báo Mẫu", byline: "Lan Nguyễn" } });
    expect(preview.parsed.passages.map((p) => p.text)).toEqual([
      "Ông Kim Jong-un đã đến sân bay vũ trụ Vostochny ở Viễn Đông Nga.",
      "Hai nhà lãnh đạo hội đàm hơn bốn giờ.",
    ]);
    expect(preview.text).not.toMatch(/[<>]|alert|Trang chủ/);
    const imported = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      importArticle(who, { text: preview.text, title: preview.parsed.title, publisher: preview.parsed.publisher ?? undefined }),
    );
    expect(imported.passages).toBe(2);
    const again = await actorFor(owner.user.id, owner.workspace.id).then((who) => previewHtmlImport(who, { fileName: "kim.htm", bytes: utf8(PAGE) }));
    expect(again.duplicateOf).toEqual({ id: imported.id, title: "Kim thăm Nga" });
    expect(
      (await appError(actorFor(owner.user.id, owner.workspace.id).then((who) => previewHtmlImport(who, { fileName: "kim.txt", bytes: utf8(PAGE) })))).message,
    ).toBe("kim.txt: only .html and .htm pages can be read here");
  });

  it("refuses local, private and non-web addresses before fetching", async () => {
    for (const [url, message] of [
      [`${base}/article`, /^127\.0\.0\.1 is a local or private address/],
      ["http://localhost/", /^localhost is a local or private address/],
      ["ftp://example.org/x", /^Only http:\/\/ and https:\/\//],
    ] as const) {
      expect((await appError(actorFor(owner.user.id, owner.workspace.id).then((who) => previewUrlImport(who, { url })))).message).toMatch(message);
    }
  });

  it("says the server could not reach an unknown host", async () => {
    const err = await appError(actorFor(owner.user.id, owner.workspace.id).then((who) => previewUrlImport(who, { url: "http://no-such-host.invalid/news" })));
    expect(err.message).toMatch(/^Could not reach http:\/\/no-such-host\.invalid\/news: the host name (was not found|could not be looked up)/);
  });

  it("fetches pages with a time limit, a size cap, redirects, and only HTML", async () => {
    const local = { allowPrivateHosts: true };
    const page = await fetchPage(new URL(`${base}/hop`), local);
    expect(page.url.href).toBe(`${base}/article`);
    expect(page.html).toContain("Putin arrived in Pyongyang");
    await expect(fetchPage(new URL(`${base}/big`), { ...local, maxBytes: 1024 })).rejects.toThrow(`Could not reach ${base}/big: the page is larger than 1 KB`);
    await expect(fetchPage(new URL(`${base}/slow`), { ...local, timeoutMs: 300 })).rejects.toThrow(`Could not reach ${base}/slow: no answer within 0.3 s`);
    await expect(fetchPage(new URL(`${base}/pdf`), local)).rejects.toThrow(`Could not reach ${base}/pdf: it is application/pdf, not a web page`);
    await expect(fetchPage(new URL(`${base}/missing`), local)).rejects.toThrow(`Could not reach ${base}/missing: the server answered 404 Not Found`);
  });

  it("checks the address a host name resolves to when connecting, not just the name", async () => {
    // This machine's own name passes the syntactic check but resolves to a local address.
    const host = hostname();
    const resolved = await lookup(host).catch(() => null);
    if (!resolved || !isPrivateAddress(resolved.address)) return;
    const url = `http://${host}:${new URL(base).port}/article`;
    await expect(fetchPage(new URL(url))).rejects.toThrow(
      `Could not reach ${url}: ${host} is a local or private address (${resolved.address}); only public web pages can be imported`,
    );
    await expect(fetchPage(new URL(url), { allowPrivateHosts: true })).resolves.toMatchObject({ html: expect.stringContaining("Pyongyang") });
  });
});
