import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { deleteArticle, importArticle, getReaderData, listArticles, previewImport } from "@/lib/server/articles";
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { listClaimTypes, setMember } from "@/lib/server/workspaces";
import { requireMember } from "@/lib/auth/membership";
import { at, newUser, expectAppError, actorFor } from "@/lib/test/helpers";

const ARTICLE = `Summit ends with pledges

Published: 14/09/2023

The leaders met for five hours at the cosmodrome 🚀 and pledged closer ties.

Washington says shells were shipped; Moscow denies it.

Source: Example Wire`;

describe("import → annotate → edit → delete, on a real PostgreSQL", () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    owner = await newUser();
  });

  it("imports with detected metadata and refuses the same content twice", async () => {
    const preview = await actorFor(owner.user.id, owner.workspace.id).then((who) => previewImport(who, { text: ARTICLE }));
    expect(preview.parsed.title).toBe("Summit ends with pledges");
    expect(preview.parsed.publishedAt).toBe("2023-09-14");
    expect(preview.duplicateOf).toBeNull();
    const imported = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      importArticle(who, {
        text: ARTICLE,
        title: preview.parsed.title,
        publishedAt: preview.parsed.publishedAt ?? undefined,
        publisher: "Example Daily",
        origins: preview.parsed.origins,
      }),
    );
    expect(imported.passages).toBe(2);
    const again = await actorFor(owner.user.id, owner.workspace.id).then((who) => previewImport(who, { text: ARTICLE.replace(/\n/g, "\r\n") }));
    expect(again.duplicateOf?.id).toBe(imported.id);
    await expectAppError(
      actorFor(owner.user.id, owner.workspace.id).then((who) => importArticle(who, { text: ARTICLE, title: "Again" })),
      "conflict",
      /already in the workspace as “Summit ends with pledges”/,
    );
    const articles = await getDb().article.count({ where: { workspaceId: owner.workspace.id } });
    expect(articles).toBe(1);
  });

  it("stores code-point offsets with quote, prefix and suffix, and checks versions", async () => {
    const actor = await requireMember(owner.user.id, owner.workspace.id);
    const article = await getDb().article.findFirstOrThrow({ where: { workspaceId: owner.workspace.id }, select: { id: true } });
    const reader = await getReaderData(actor, article.id);
    const passage = at(reader.passages, 0);
    const types = await listClaimTypes(actor);
    // "pledged closer ties" comes after the rocket emoji: code points differ from UTF-16 units by 1.
    const utf16 = passage.text.indexOf("pledged");
    const start = Array.from(passage.text.slice(0, utf16)).length;
    expect(start).toBe(utf16 - 1);
    const end = start + "pledged closer ties".length;
    const created = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      createAnnotation(who, {
        passageId: passage.id,
        start,
        end,
        exact: "pledged closer ties",
        claimTypeId: types.find((t) => t.key === "agreement")!.id,
        modality: "REPORTED",
        note: "<script>alert(1)</script>",
      }),
    );
    expect(created.exact).toBe("pledged closer ties");
    expect(created.prefix.endsWith("🚀 and ")).toBe(true);
    expect(created.suffix).toBe(".");
    expect(created.note).toBe("<script>alert(1)</script>");

    await expectAppError(
      actorFor(owner.user.id, owner.workspace.id).then((who) =>
        createAnnotation(who, { passageId: passage.id, start: 0, end: 9999, claimTypeId: at(types, 0).id, modality: "ASSERTED" }),
      ),
      "bad_request",
      /outside the passage/,
    );
    await expectAppError(
      actorFor(owner.user.id, owner.workspace.id).then((who) =>
        createAnnotation(who, { passageId: passage.id, start: 0, end: 5, exact: "xxxxx", claimTypeId: at(types, 0).id, modality: "ASSERTED" }),
      ),
      "bad_request",
      /does not match/,
    );

    const edited = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updateAnnotation(who, {
        id: created.id,
        version: 1,
        claimTypeId: at(types, 0).id,
        modality: "ALLEGED",
      }),
    );
    expect(edited.version).toBe(2);
    await expectAppError(
      actorFor(owner.user.id, owner.workspace.id).then((who) =>
        updateAnnotation(who, { id: created.id, version: 1, claimTypeId: at(types, 0).id, modality: "DENIED" }),
      ),
      "conflict",
      /Someone else changed this claim/,
    );
    const stored = await getDb().annotation.findUniqueOrThrow({ where: { id: created.id }, select: { modality: true } });
    expect(stored.modality).toBe("ALLEGED");

    const claimsListed = async () => (await listArticles(actor)).items.find((x) => x.id === article.id)?.claims;
    expect(await claimsListed()).toBe(1);
    await actorFor(owner.user.id, owner.workspace.id).then((who) => deleteAnnotation(who, created.id, 2));
    expect((await getReaderData(actor, article.id)).annotations).toHaveLength(0);
    expect(await claimsListed()).toBe(0);
    await actorFor(owner.user.id, owner.workspace.id).then((who) => restoreAnnotation(who, created.id));
    expect((await getReaderData(actor, article.id)).annotations).toHaveLength(1);

    const events = await getDb().auditEvent.findMany({
      where: { workspaceId: owner.workspace.id, entityId: created.id },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["annotation.create", "annotation.update", "annotation.delete", "annotation.restore"]);
    // The audit log is append-only in the database itself.
    await expect(getDb().auditEvent.updateMany({ where: { entityId: created.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(getDb().auditEvent.deleteMany({ where: { entityId: created.id } })).rejects.toThrow(/append-only/);
  });

  it("hides other workspaces and stops viewers from changing anything", async () => {
    const outsider = await newUser("Outsider");
    const article = await getDb().article.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id },
      select: { id: true, passages: { select: { id: true }, take: 1 } },
    });
    await expectAppError(requireMember(outsider.user.id, owner.workspace.id), "not_found");
    const outsiderActor = await requireMember(outsider.user.id, outsider.workspace.id);
    // An id from another workspace is "not found" even inside the outsider's own workspace.
    await expectAppError(getReaderData(outsiderActor, article.id), "not_found");
    const types = await listClaimTypes(outsiderActor);
    await expectAppError(
      actorFor(outsider.user.id, outsider.workspace.id).then((who) =>
        createAnnotation(who, { passageId: at(article.passages, 0).id, start: 0, end: 3, claimTypeId: at(types, 0).id, modality: "ASSERTED" }),
      ),
      "not_found",
    );

    await actorFor(owner.user.id, owner.workspace.id).then((who) => setMember(who, { email: outsider.email, role: "VIEWER" }));
    const viewer = await requireMember(outsider.user.id, owner.workspace.id);
    expect(viewer.role).toBe("VIEWER");
    await expect(getReaderData(viewer, article.id)).resolves.toMatchObject({ id: article.id });
    const ownerTypes = await listClaimTypes(viewer);
    await expectAppError(
      actorFor(outsider.user.id, owner.workspace.id).then((who) =>
        createAnnotation(who, { passageId: at(article.passages, 0).id, start: 0, end: 3, claimTypeId: at(ownerTypes, 0).id, modality: "ASSERTED" }),
      ),
      "forbidden",
      /viewer/,
    );
    await expectAppError(
      actorFor(outsider.user.id, owner.workspace.id).then((who) => importArticle(who, { text: "New text", title: "x" })),
      "forbidden",
    );
  });

  it("deletes an article with its claims, editors only, and audits it", async () => {
    const text = `Deletable ${Date.now()}\n\nA paragraph that will go away.`;
    const a = await actorFor(owner.user.id, owner.workspace.id).then((who) => importArticle(who, { text, title: "Deletable" }));
    const viewer = await newUser("Viewer");
    await actorFor(owner.user.id, owner.workspace.id).then((who) => setMember(who, { email: viewer.email, role: "VIEWER" }));
    await expectAppError(
      actorFor(viewer.user.id, owner.workspace.id).then((who) => deleteArticle(who, a.id)),
      "forbidden",
    );
    await actorFor(owner.user.id, owner.workspace.id).then((who) => deleteArticle(who, a.id));
    expect(await getDb().article.count({ where: { id: a.id } })).toBe(0);
    expect(await getDb().passage.count({ where: { articleId: a.id } })).toBe(0);
    await expectAppError(
      actorFor(owner.user.id, owner.workspace.id).then((who) => deleteArticle(who, a.id)),
      "not_found",
    );
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "article.delete" }, select: { before: true } });
    expect(event.before).toMatchObject({ title: "Deletable", passages: 1 });
  });

  it("rejects empty text without writing anything", async () => {
    const before = await getDb().article.count();
    await expect(actorFor(owner.user.id, owner.workspace.id).then((who) => importArticle(who, { text: "   \n  ", title: "Empty" }))).rejects.toThrow(/empty/);
    expect(await getDb().article.count()).toBe(before);
  });
});
