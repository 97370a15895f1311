import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";
import { importArticle } from "@/lib/server/articles";
import { addAlias, listEntities, listLikelyDuplicates, mergeEntities, removeAlias, updateEntity } from "@/lib/server/entities";
import { toErrorBody } from "@/lib/server/errors";
import { listSources, updateSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";
import { listClaimTypes, setMember } from "@/lib/server/workspaces";
import { at, newUser, expectAppError, actorFor } from "@/lib/test/helpers";

const auditCount = (workspaceId: string) => getDb().auditEvent.count({ where: { workspaceId } });
const names = (r: { items: { name: string }[] }) => r.items.map((e) => e.name).sort();

const ARTICLE = `Bình Nhưỡng bác bỏ cáo buộc

Ngày 14/09/2023

Triều Tiên bác bỏ cáo buộc chuyển giao đạn pháo cho Nga.

Nhà lãnh đạo Kim Jong-un nói chuyến thăm mở ra chương mới.`;

describe("entities, aliases and source provenance, on a real PostgreSQL", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  let actor: Actor;
  let ws: string;
  let uid: string;
  beforeAll(async () => {
    owner = await newUser();
    ws = owner.workspace.id;
    uid = owner.user.id;
    actor = await requireMember(uid, ws);
  });

  it("finds an entity by any alias, ignoring case and diacritics", async () => {
    const nk = await actorFor(uid, ws).then((who) => createEntity(who, { name: "Bắc Hàn", kind: "COUNTRY" }));
    for (const alias of ["Triều Tiên", "Bắc Triều Tiên"]) await actorFor(uid, ws).then((who) => addAlias(who, { entityId: nk.id, alias, language: "vi" }));
    await actorFor(uid, ws).then((who) => addAlias(who, { entityId: nk.id, alias: "North Korea", language: "en" }));
    await actorFor(uid, ws).then((who) => createEntity(who, { name: "Đức", kind: "COUNTRY" }));
    await actorFor(uid, ws).then((who) => createEntity(who, { name: "Hàn Quốc", kind: "COUNTRY" }));

    expect(names(await listEntities(actor, { q: "bac han" }))).toEqual(["Bắc Hàn"]);
    // Two aliases match "trieu tien"; the entity is listed once.
    expect(names(await listEntities(actor, { q: "TRIEU TIEN" }))).toEqual(["Bắc Hàn"]);
    expect(names(await listEntities(actor, { q: "north" }))).toEqual(["Bắc Hàn"]);
    expect(names(await listEntities(actor, { q: "duc" }))).toEqual(["Đức"]);
    expect(names(await listEntities(actor, { q: "han" }))).toEqual(["Bắc Hàn", "Hàn Quốc"]);
    expect(names(await listEntities(actor, { q: "han", kind: "PERSON" }))).toEqual([]);

    const row = at((await listEntities(actor, { q: "north" })).items, 0);
    expect(row.aliases.map((a) => a.alias).sort()).toEqual(["Bắc Hàn", "Bắc Triều Tiên", "North Korea", "Triều Tiên"]);
    expect(row.aliases.find((a) => a.alias === "North Korea")?.language).toBe("en");
    expect(row.counts).toEqual({ speakerUses: 0, sources: 0 });
  });

  it("pages entities 50 at a time, with the kind filter kept", async () => {
    for (let i = 0; i < 51; i++)
      await actorFor(uid, ws).then((who) => createEntity(who, { name: `Hwasong-${String(i).padStart(2, "0")}`, kind: "WEAPON_SYSTEM" }));
    const page1 = await listEntities(actor, { kind: "WEAPON_SYSTEM" });
    expect(page1.items).toHaveLength(50);
    expect(page1.nextCursor).toBe(at(page1.items, 49).id);
    const page2 = await listEntities(actor, { kind: "WEAPON_SYSTEM", cursor: page1.nextCursor! });
    expect(page2.items.map((e) => e.name)).toEqual(["Hwasong-50"]);
    expect(page2.nextCursor).toBeNull();
    // Bad filters from a URL fall back to no filter instead of failing the page.
    expect((await listEntities(actor, { kind: "TANK", cursor: "nope", q: "HWASONG-4" })).items).toHaveLength(10);
  });

  it("refuses a duplicate alias and one that names another entity, keeps the name and one alias", async () => {
    const nk = at((await listEntities(actor, { q: "bac han" })).items, 0);
    await expectAppError(
      actorFor(uid, ws).then((who) => addAlias(who, { entityId: nk.id, alias: "BẮC HÀN" })),
      "conflict",
      /already an alias of Bắc Hàn/,
    );

    // An alias names one entity: another entity's alias is refused, naming that entity, and nothing is written.
    const south = at((await listEntities(actor, { q: "han quoc" })).items, 0);
    const auditBefore = await auditCount(ws);
    const shared = await expectAppError(
      actorFor(uid, ws).then((who) => addAlias(who, { entityId: south.id, alias: "trieu tien" })),
      "conflict",
      /already names Bắc Hàn \(as “Triều Tiên”\).*merge/,
    );
    expect(shared.details?.existing).toEqual({ id: nk.id, name: "Bắc Hàn" });
    expect(toErrorBody(shared).status).toBe(409);
    expect(await auditCount(ws)).toBe(auditBefore);
    expect(await getDb().entityAlias.count({ where: { entityId: south.id } })).toBe(1);
    const fresh = await actorFor(uid, ws).then((who) => addAlias(who, { entityId: south.id, alias: "Nam Hàn" }));
    expect(fresh.alsoAliasOf).toEqual([]);
    expect(fresh.warning).toBeNull();

    const solo = await actorFor(uid, ws).then((who) => createEntity(who, { name: "Lone", kind: "OTHER" }));
    const loneAlias = at(at((await listEntities(actor, { q: "lone" })).items, 0).aliases, 0);
    const before = await auditCount(ws);
    await expectAppError(
      actorFor(uid, ws).then((who) => removeAlias(who, { aliasId: loneAlias.id })),
      "bad_request",
      /only alias/,
    );
    const nameAlias = nk.aliases.find((a) => a.alias === "Bắc Hàn")!;
    await expectAppError(
      actorFor(uid, ws).then((who) => removeAlias(who, { aliasId: nameAlias.id })),
      "bad_request",
      /rename it/,
    );
    expect(await auditCount(ws)).toBe(before);
    expect(await getDb().entityAlias.count({ where: { entityId: { in: [solo.id, nk.id] } } })).toBe(5);

    // Renaming keeps the old name as an alias and adds the new one, so both still find it.
    const renamed = await actorFor(uid, ws).then((who) => updateEntity(who, { id: nk.id, name: "Triều Tiên (CHDCND)" }));
    expect(renamed.addedAlias).toBe("Triều Tiên (CHDCND)");
    expect(names(await listEntities(actor, { q: "chdcnd" }))).toEqual(["Triều Tiên (CHDCND)"]);
    expect(names(await listEntities(actor, { q: "bắc hàn" }))).toEqual(["Triều Tiên (CHDCND)"]);
    await actorFor(uid, ws).then((who) => removeAlias(who, { aliasId: nameAlias.id }));
    expect(names(await listEntities(actor, { q: "bac han" }))).toEqual([]);
  });

  it("merges two entities without losing aliases, claims or linked sources", async () => {
    const imported = await actorFor(uid, ws).then((who) =>
      importArticle(who, { text: ARTICLE, title: "Bình Nhưỡng bác bỏ", publisher: "VnExpress", origins: ["TTXVN"] }),
    );
    const passages = await getDb().passage.findMany({ where: { articleId: imported.id }, select: { id: true, text: true }, orderBy: { position: "asc" } });
    const types = await listClaimTypes(actor);
    const kimA = await actorFor(uid, ws).then((who) => createEntity(who, { name: "Kim Jong Un", kind: "PERSON" }));
    await actorFor(uid, ws).then((who) => addAlias(who, { entityId: kimA.id, alias: "Chủ tịch Kim", language: "vi" }));
    const kimB = await actorFor(uid, ws).then((who) => createEntity(who, { name: "Kim Jong-un", kind: "ORGANIZATION" }));
    await actorFor(uid, ws).then((who) => addAlias(who, { entityId: kimB.id, alias: "Nhà lãnh đạo Triều Tiên" }));
    // Affiliations on both sides of the merge: an aide speaks for A; A speaks for a country.
    const aide = await actorFor(uid, ws).then((who) => createEntity(who, { name: "Kim Yo-jong", kind: "PERSON" }));
    const dprk = await actorFor(uid, ws).then((who) => createEntity(who, { name: "CHDCND Triều Tiên", kind: "COUNTRY" }));
    await actorFor(uid, ws).then((who) => updateEntity(who, { id: aide.id, speaksForId: kimA.id }));
    await actorFor(uid, ws).then((who) => updateEntity(who, { id: kimA.id, speaksForId: dprk.id }));

    const mark = (passage: { id: string; text: string }, speakers: string[], actorEntityIds: string[] = []) =>
      actorFor(uid, ws).then((who) =>
        createAnnotation(who, {
          passageId: passage.id,
          start: 0,
          end: 4,
          exact: Array.from(passage.text).slice(0, 4).join(""),
          claimTypeId: at(types, 0).id,
          modality: "ASSERTED",
          speakers: speakers.map((entityId) => ({ entityId })),
          actorEntityIds,
        }),
      );
    const a1 = await mark(at(passages, 0), [kimA.id], [kimA.id, dprk.id]);
    const a2 = await mark(at(passages, 1), [kimA.id]);
    // Both entities speak in b1, and both are its actors: after the merge each is one row.
    const b1 = await mark(at(passages, 1), [aide.id, kimB.id, kimA.id], [kimB.id, kimA.id]);
    await actorFor(uid, ws).then((who) => deleteAnnotation(who, a2.id, a2.version));
    const publisher = at(await listSources(actor, { q: "vnexpress" }), 0);
    await actorFor(uid, ws).then((who) => updateSource(who, { id: publisher.id, entityId: kimA.id }));

    const aliasKeys = async (ids: string[]) =>
      new Set((await getDb().entityAlias.findMany({ where: { entityId: { in: ids } }, select: { normalizedAlias: true } })).map((a) => a.normalizedAlias));
    const keysBefore = await aliasKeys([kimA.id, kimB.id]);

    const before = await auditCount(ws);
    await expectAppError(
      actorFor(uid, ws).then((who) => mergeEntities(who, { sourceId: kimA.id, targetId: kimA.id })),
      "bad_request",
      /^An entity cannot be merged into itself$/,
    );
    expect(await auditCount(ws)).toBe(before);

    const merged = await actorFor(uid, ws).then((who) => mergeEntities(who, { sourceId: kimA.id, targetId: kimB.id }));
    expect(merged).toMatchObject({ id: kimB.id, movedAnnotations: 3, movedSources: 1 });
    expect(await getDb().entity.findUnique({ where: { id: kimA.id } })).toBeNull();
    // Every alias key of both entities survives on the target, each once.
    expect(await aliasKeys([kimB.id])).toEqual(keysBefore);
    expect(await getDb().entityAlias.count({ where: { entityId: kimB.id } })).toBe(keysBefore.size);

    // No claim loses a speaker or an actor; order is kept, and a claim naming both keeps one row.
    const links = await getDb().annotation.findMany({
      where: { id: { in: [a1.id, a2.id, b1.id] } },
      select: {
        id: true,
        version: true,
        speakers: { select: { entityId: true }, orderBy: { position: "asc" } },
        actorEntities: { select: { entityId: true }, orderBy: { position: "asc" } },
      },
    });
    const linksOf = (id: string) => links.find((l) => l.id === id)!;
    expect(linksOf(a1.id)).toMatchObject({ speakers: [{ entityId: kimB.id }], actorEntities: [{ entityId: kimB.id }, { entityId: dprk.id }], version: 2 });
    expect(linksOf(a2.id).speakers).toEqual([{ entityId: kimB.id }]);
    expect(linksOf(b1.id)).toMatchObject({ speakers: [{ entityId: aide.id }, { entityId: kimB.id }], actorEntities: [{ entityId: kimB.id }] });
    expect((await getDb().source.findUniqueOrThrow({ where: { id: publisher.id } })).entityId).toBe(kimB.id);
    // Speaks-for links follow: the aide now speaks for the target, which takes A's affiliation.
    const affiliations = await getDb().entity.findMany({ where: { id: { in: [aide.id, kimB.id] } }, select: { id: true, speaksForId: true } });
    expect(Object.fromEntries(affiliations.map((e) => [e.id, e.speaksForId]))).toEqual({ [aide.id]: kimB.id, [kimB.id]: dprk.id });

    const [row] = (await listEntities(actor, { q: "chu tich kim" })).items;
    expect(row).toMatchObject({ id: kimB.id, kind: "ORGANIZATION", speaksFor: { id: dprk.id }, counts: { speakerUses: 2, sources: 1 } });
    const event = await getDb().auditEvent.findFirstOrThrow({
      where: { workspaceId: ws, action: "entity.merge" },
      select: { entityId: true, before: true, after: true },
    });
    expect(event.entityId).toBe(kimB.id);
    expect(event.before).toMatchObject({ source: { annotations: 3, sources: 1, aliases: 2 }, target: { annotations: 1, aliases: 2 } });
    expect(event.after).toMatchObject({ target: { annotations: 3, sources: 1, aliases: keysBefore.size } });

    await expectAppError(
      actorFor(uid, ws).then((who) => mergeEntities(who, { sourceId: kimA.id, targetId: kimB.id })),
      "not_found",
    );
  });

  it("edits sources and refuses relay cycles without writing anything", async () => {
    await actorFor(uid, ws).then((who) =>
      importArticle(who, { text: `${ARTICLE}\n\nThêm một đoạn.`, title: "Relay", publisher: "Tuổi Trẻ", origins: ["Reuters", "TASS"] }),
    );
    const byName = async (q: string) => at(await listSources(actor, { q }), 0);
    const [a, b, c] = [await byName("tuoi tre"), await byName("reuters"), await byName("tass")];
    expect(a.counts).toEqual({ published: 1, relayedIn: 0, claimsSpoken: 0 });
    expect(b.counts).toEqual({ published: 0, relayedIn: 1, claimsSpoken: 0 });

    const relayed = await actorFor(uid, ws).then((who) => updateSource(who, { id: a.id, upstreamId: b.id, kind: "OUTLET", country: "VN", language: "vi" }));
    expect(relayed.upstream).toEqual({ id: b.id, name: "Reuters" });
    await actorFor(uid, ws).then((who) => updateSource(who, { id: b.id, upstreamId: c.id }));

    const before = await auditCount(ws);
    await expectAppError(
      actorFor(uid, ws).then((who) => updateSource(who, { id: b.id, upstreamId: a.id })),
      "bad_request",
      /^Reuters cannot relay Tuổi Trẻ: Tuổi Trẻ already relays Reuters \(directly or through others\), which would make a cycle$/,
    );
    await expectAppError(
      actorFor(uid, ws).then((who) => updateSource(who, { id: c.id, upstreamId: a.id, name: "TASS agency" })),
      "bad_request",
      /TASS agency cannot relay Tuổi Trẻ: Tuổi Trẻ already relays TASS agency/,
    );
    await expectAppError(
      actorFor(uid, ws).then((who) => updateSource(who, { id: a.id, upstreamId: a.id })),
      "bad_request",
      /cannot relay itself/,
    );
    expect(await auditCount(ws)).toBe(before);
    const stored = await getDb().source.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, select: { name: true, upstreamId: true } });
    expect(Object.fromEntries(stored.map((s) => [s.name, s.upstreamId]))).toEqual({ "Tuổi Trẻ": b.id, Reuters: c.id, TASS: null });

    const badKind = await actorFor(uid, ws)
      .then((who) => updateSource(who, { id: a.id, kind: "BLOG" }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(badKind).toBeInstanceOf(z.ZodError);
    expect(toErrorBody(badKind).status).toBe(422);

    await expectAppError(
      actorFor(uid, ws).then((who) => updateSource(who, { id: c.id, name: "reuters" })),
      "conflict",
      /already the name of the source “Reuters”/,
    );
    const renamed = await actorFor(uid, ws).then((who) =>
      updateSource(who, { id: c.id, name: "TASS (Nga)", kind: "STATE_MEDIA", country: "", upstreamId: null }),
    );
    expect(renamed).toMatchObject({ name: "TASS (Nga)", kind: "STATE_MEDIA", country: null, upstream: null });
    expect((await byName("tass (nga)")).id).toBe(c.id);
  });

  it("hides other workspaces' entities and sources and keeps viewers read-only", async () => {
    const outsider = await newUser("Outsider");
    const mine = at((await listEntities(actor, { q: "duc" })).items, 0);
    const theirs = await actorFor(outsider.user.id, outsider.workspace.id).then((who) => createEntity(who, { name: "Đức", kind: "COUNTRY" }));
    await actorFor(outsider.user.id, outsider.workspace.id).then((who) =>
      importArticle(who, { text: "Một đoạn văn.\n\nHai đoạn văn.", title: "x", publisher: "Dân Trí" }),
    );
    const theirSource = at(await listSources(await requireMember(outsider.user.id, outsider.workspace.id)), 0);
    const mySource = at(await listSources(actor, { q: "tuoi tre" }), 0);

    await expectAppError(
      actorFor(uid, ws).then((who) => updateEntity(who, { id: theirs.id, name: "Germany" })),
      "not_found",
    );
    await expectAppError(
      actorFor(uid, ws).then((who) => addAlias(who, { entityId: theirs.id, alias: "Germany" })),
      "not_found",
    );
    await expectAppError(
      actorFor(uid, ws).then((who) => mergeEntities(who, { sourceId: mine.id, targetId: theirs.id })),
      "not_found",
    );
    await expectAppError(
      actorFor(uid, ws).then((who) => mergeEntities(who, { sourceId: theirs.id, targetId: mine.id })),
      "not_found",
    );
    await expectAppError(
      actorFor(uid, ws).then((who) => updateSource(who, { id: theirSource.id, name: "Mine now" })),
      "not_found",
    );
    await expectAppError(
      actorFor(uid, ws).then((who) => updateSource(who, { id: mySource.id, upstreamId: theirSource.id })),
      "not_found",
    );
    await expectAppError(
      actorFor(uid, ws).then((who) => updateSource(who, { id: mySource.id, entityId: theirs.id })),
      "not_found",
    );
    expect(names(await listEntities(actor, { q: "duc" }))).toEqual(["Đức"]);
    expect(at((await listEntities(actor, { q: "duc" })).items, 0).id).toBe(mine.id);
    await expectAppError(listEntities({ ...actor, workspaceId: outsider.workspace.id }), "unauthorized");

    await actorFor(uid, ws).then((who) => setMember(who, { email: outsider.email, role: "VIEWER" }));
    const viewer = await requireMember(outsider.user.id, ws);
    expect((await listEntities(viewer, { q: "duc" })).items).toHaveLength(1);
    const other = at((await listEntities(viewer, { q: "han quoc" })).items, 0);
    const before = await auditCount(ws);
    await expectAppError(
      actorFor(outsider.user.id, ws).then((who) => mergeEntities(who, { sourceId: mine.id, targetId: other.id })),
      "forbidden",
      /viewer/,
    );
    await expectAppError(
      actorFor(outsider.user.id, ws).then((who) => addAlias(who, { entityId: mine.id, alias: "Germany" })),
      "forbidden",
    );
    await expectAppError(
      actorFor(outsider.user.id, ws).then((who) => updateSource(who, { id: mySource.id, kind: "OTHER" })),
      "forbidden",
    );
    expect(await auditCount(ws)).toBe(before);
    expect(await getDb().entity.count({ where: { id: { in: [mine.id, other.id] } } })).toBe(2);
  });
});

describe("one name, one entity", () => {
  it("refuses an entity whose name folds to another entity's alias, and an alias another entity has, naming it", async () => {
    const desk = await newUser("Names desk");
    const ws = desk.workspace.id;
    const nk = await actorFor(desk.user.id, ws).then((who) => createEntity(who, { name: "North Korea", kind: "COUNTRY" }));
    await actorFor(desk.user.id, ws).then((who) => addAlias(who, { entityId: nk.id, alias: "Bắc Hàn", language: "vi" }));
    const south = await actorFor(desk.user.id, ws).then((who) => createEntity(who, { name: "South Korea", kind: "COUNTRY" }));
    const before = await auditCount(ws);

    const named = await expectAppError(
      actorFor(desk.user.id, ws).then((who) => createEntity(who, { name: "bac han", kind: "COUNTRY" })),
      "conflict",
      /already names the entity North Korea \(as “Bắc Hàn”\)/,
    );
    expect(named.details).toMatchObject({ existing: { id: nk.id, name: "North Korea", kind: "COUNTRY" }, fields: { name: expect.any(String) } });
    const aliased = await expectAppError(
      actorFor(desk.user.id, ws).then((who) => addAlias(who, { entityId: south.id, alias: "BẮC HÀN" })),
      "conflict",
    );
    expect(aliased.details?.existing).toEqual({ id: nk.id, name: "North Korea" });
    // Renaming into another entity's alias is refused the same way.
    await expectAppError(
      actorFor(desk.user.id, ws).then((who) => updateEntity(who, { id: south.id, name: "Bắc hàn" })),
      "conflict",
      /already names North Korea/,
    );
    expect(await getDb().entity.count({ where: { workspaceId: ws } })).toBe(2);
    expect(await auditCount(ws)).toBe(before);
  });

  it("lists spellings of one name held by separate entities as likely duplicates", async () => {
    const desk = await newUser("Duplicates desk");
    const ws = desk.workspace.id;
    const a = await actorFor(desk.user.id, ws).then((who) => createEntity(who, { name: "Kim Jong Un", kind: "PERSON" }));
    const b = await actorFor(desk.user.id, ws).then((who) => createEntity(who, { name: "Kim Jong-un", kind: "PERSON" }));
    await actorFor(desk.user.id, ws).then((who) => createEntity(who, { name: "Vladimir Putin", kind: "PERSON" }));
    const pairs = await listLikelyDuplicates(desk.actor);
    expect(pairs).toHaveLength(1);
    expect([at(pairs, 0).a.id, at(pairs, 0).b.id].sort()).toEqual([a.id, b.id].sort());
    expect(at(pairs, 0).score).toBeGreaterThan(0.55);
    expect(at(pairs, 0).reason).toMatch(/^“Kim Jong[ -]un” and “Kim Jong[ -]un” are \d+% alike/i);
    // Another workspace's entities are never paired with these.
    const other = await newUser("Other desk");
    await actorFor(other.user.id, other.workspace.id).then((who) => createEntity(who, { name: "Kim Jong-Un", kind: "PERSON" }));
    expect(await listLikelyDuplicates(desk.actor)).toHaveLength(1);
    expect(await listLikelyDuplicates(other.actor)).toEqual([]);
    // Merged, they are no longer listed.
    await actorFor(desk.user.id, ws).then((who) => mergeEntities(who, { sourceId: b.id, targetId: a.id }));
    expect(await listLikelyDuplicates(desk.actor)).toEqual([]);
  });
});
