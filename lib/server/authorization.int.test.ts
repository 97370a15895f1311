// One table, one row per exported write service of lib/server: who may call it, checked the same
// way for every row on a real PostgreSQL. For each row:
//   1. an outsider cannot even get an Actor for the workspace (not found), and their own Actor
//      cannot reach the workspace's rows through ids (nothing written);
//   2. every member role below the capability's role is "forbidden", naming the capability, and
//      nothing is written;
//   3. the lowest role the permission table allows succeeds (and audits as that member);
//   4. the owner acting through a token capped below the capability is "forbidden", and a
//      hand-made copy of an allowed Actor is "unauthorized".
// A completeness guard fails when a lib/server module exports a write-looking function that has
// no row here (nor an entry, with its reason, in the skip list).
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { quoteSpan } from "@/lib/domain/anchoring";
import { readClaimLine } from "@/lib/domain/import-jsonl";
import { CAPABILITIES, roleFor, type Capability } from "@/lib/domain/permissions";
import { ROLES, hasRole, type Role } from "@/lib/domain/roles";
import * as annotations from "@/lib/server/annotations";

// The completeness guard imports every lib/server module; action.ts reaches next-auth's config
// (for the interface language), which only loads inside Next.js. No test here signs in through it.
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));
import * as apiTokens from "@/lib/server/api-tokens";
import * as articleMetadata from "@/lib/server/article-metadata";
import * as articles from "@/lib/server/articles";
import * as bulkImportArticles from "@/lib/server/bulk-import-articles";
import * as bulkImportClaims from "@/lib/server/bulk-import-claims";
import * as bulkImport from "@/lib/server/bulk-import";
import * as comments from "@/lib/server/comments";
import * as curation from "@/lib/server/curation";
import * as entities from "@/lib/server/entities";
import * as history from "@/lib/server/history";
import * as inbox from "@/lib/server/inbox";
import * as invitations from "@/lib/server/invitations";
import { AppError, type ErrorCode } from "@/lib/server/errors";
import * as passages from "@/lib/server/passages";
import * as review from "@/lib/server/review";
import * as sessions from "@/lib/server/sessions";
import * as propositions from "@/lib/server/propositions";
import * as sources from "@/lib/server/sources";
import * as speakers from "@/lib/server/speakers";
import * as webPageImport from "@/lib/server/web-page-import";
import * as workspaces from "@/lib/server/workspaces";
import { at, expectAppError, importPassages, markQuote, newUser, only, type TestUser } from "@/lib/test/helpers";

const SERVER_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Exported functions with these prefixes are write services: each needs a row (or a skip). */
const WRITE_NAME =
  /^(create|update|delete|restore|confirm|remark|import|bulk|merge|add|remove|set|save|link|unlink|move|mark|revoke|preview|submit|review|reply|resolveThread|revert|assign|reveal|close|reopen|decide|undo)(?=[A-Z]|$)/;

/** Write-looking exports that are not services an Actor calls, and why (module.name → reason). */
const SKIPPED: Record<string, string> = {
  // Takes a userId, not an Actor: any signed-in account may create a workspace of its own and
  // becomes its owner; there is no workspace to be an outsider of, and no role to check.
  "workspaces.createWorkspace": "creates the caller's own workspace; no Actor, no workspace to check",
  // A generic helper that splits createMany calls inside a bulk-import transaction; it takes no
  // Actor and writes only what its caller (importArticleLines / importClaims) hands it.
  "bulk-import-write.createInChunks": "chunking helper inside bulk-import transactions; not a service",
  // Runs inside an annotation edit's transaction (takes its `tx`), after updateAnnotation or
  // remarkAnnotation checked the capability; the edit's own audit event covers it.
  "review-on-edit.reopenAfterEdit": "helper inside claim-edit transactions; its caller is the service",
  // A read (the workspace's words spelled like each query word) whose name only sounds like a write.
  "search-words.closeWords": "a read for search(), which checks workspace.read; writes nothing",
  // The signed-in account's own interface language (the action passes the session's user id): no
  // workspace, no role; nobody else's account can be named.
  "users.setUserLocale": "the caller's own account preference; no Actor, no workspace to check",
};

type Fixtures = {
  owner: TestUser;
  outsider: TestUser;
  ws: string;
  users: Record<Role, string>;
  actors: Record<Role, Actor>;
  article: { articleId: string; passages: { id: string; text: string }[] };
  sourceId: string;
  entityId: string;
  propositionId: string;
  claimTypeId: string;
};
let fx: Fixtures;

let k = 0;
const next = () => ++k;
const utf8 = (s: string) => new TextEncoder().encode(s);
const QUOTE = "Triều Tiên đã chuyển đạn pháo cho Nga";
const OTHER_WORDS = "Nhà Trắng";
const articleText = (n: number) => `${OTHER_WORDS} nói ${QUOTE}, theo bản tin số ${n}.\n\nĐiện Kremlin bác bỏ thông tin đó và gọi là tin đồn, bản tin số ${n}.`;
const own = () => fx.owner.actor;

/** A new article in the workspace (unique text), imported by the owner. */
const freshArticle = () => importPassages(fx.owner, articleText(next()), { title: `Bài ${k}`, publisher: "Báo Mẫu" });
/** A new claim on QUOTE in the fixture article, marked by the owner. */
const freshClaim = () => markQuote(fx.owner, fx.article.passages, QUOTE, "gift");
/** A new proposition from a new claim. */
const freshProposition = async () => {
  const claim = await freshClaim();
  return { claim, proposition: await propositions.createPropositionFromClaim(own(), { annotationId: claim.id, statement: `Mệnh đề ${next()}` }) };
};
const freshEntity = () => speakers.createEntity(own(), { name: `Thực thể ${next()}`, kind: "ORGANIZATION" });
const claimTypeId = async (key: string) => (await workspaces.listClaimTypes(own())).find((t) => t.key === key)!.id;
/** A fresh session made (so managed) by the editor, its creator; `extra` as createSession takes it. */
const freshSession = (extra: Record<string, unknown> = {}) => sessions.createSession(fx.actors.EDITOR, { name: `Phiên ${next()}`, ...extra });
/** A running open session on a fresh article, the editor annotating and the reviewer adjudicating, with one claim of the editor's in it. */
const sessionWithClaim = async () => {
  const a = await freshArticle();
  const s = await sessions.createSession(own(), {
    name: `Phiên đối chiếu ${next()}`,
    articleIds: [a.articleId],
    annotatorIds: [fx.users.EDITOR],
    reviewerIds: [fx.users.REVIEWER],
  });
  const p = a.passages.find((x) => x.text.includes(QUOTE))!;
  const claim = await annotations.createAnnotation(fx.actors.EDITOR, {
    passageId: p.id,
    ...quoteSpan(p.text, QUOTE)!,
    exact: QUOTE,
    claimTypeId: fx.claimTypeId,
    modality: "REPORTED",
    sessionId: s.id,
  });
  return { articleId: a.articleId, session: s, claim };
};
/** A JSONL claim line on QUOTE in `a`'s first paragraph. */
const claimLine = (a: { articleId: string; passages: { text: string }[] }) => {
  const index = a.passages.findIndex((p) => p.text.includes(QUOTE));
  return { articleId: a.articleId, passage: index, ...quoteSpan(at(a.passages, index).text, QUOTE)!, exact: QUOTE, claimType: "visit" };
};

type Row = {
  /** module.export, as the completeness guard names it. */
  name: string;
  fn: (actor: Actor, ...args: never[]) => Promise<unknown>;
  capability: Capability;
  /** A valid input in the prepared workspace; destructive rows make a fresh target each time. */
  args: () => Promise<unknown[]>;
  /** The audit action the allowed call writes; null: it must write nothing (previews). */
  audit: string | null;
  /** The input names rows of the workspace by id: the outsider's own Actor must not reach them. */
  crossWorkspace?: boolean;
  /** The allowed call passes the capability check and then fails with this (no network fetch). */
  allowedFails?: ErrorCode;
};

function row(name: string, fn: Row["fn"], capability: Capability, args: Row["args"], opts: Omit<Row, "name" | "fn" | "capability" | "args">): Row {
  return { name, fn, capability, args, ...opts };
}

const ROWS: Row[] = [
  // annotations
  row(
    "annotations.createAnnotation",
    annotations.createAnnotation,
    "claims.write",
    async () => {
      const p = fx.article.passages.find((x) => x.text.includes(QUOTE))!;
      return [{ passageId: p.id, ...quoteSpan(p.text, QUOTE)!, exact: QUOTE, claimTypeId: fx.claimTypeId, modality: "REPORTED" }];
    },
    { audit: "annotation.create", crossWorkspace: true },
  ),
  row(
    "annotations.updateAnnotation",
    annotations.updateAnnotation,
    "claims.write",
    async () => {
      const c = await freshClaim();
      return [{ ...annotations.detailsOf(c), id: c.id, version: c.version, note: "sửa ghi chú" }];
    },
    { audit: "annotation.update", crossWorkspace: true },
  ),
  row(
    "annotations.deleteAnnotation",
    annotations.deleteAnnotation,
    "claims.write",
    async () => {
      const c = await freshClaim();
      return [c.id, c.version];
    },
    { audit: "annotation.delete", crossWorkspace: true },
  ),
  row(
    "annotations.restoreAnnotation",
    annotations.restoreAnnotation,
    "claims.write",
    async () => {
      const c = await freshClaim();
      await annotations.deleteAnnotation(own(), c.id, c.version);
      return [c.id];
    },
    { audit: "annotation.restore", crossWorkspace: true },
  ),
  row(
    "annotations.confirmAnchor",
    annotations.confirmAnchor,
    "claims.write",
    async () => {
      const c = await freshClaim();
      // As a paragraph correction leaves an uncertain re-anchoring (set directly: only the flag matters here).
      await getDb().annotation.update({ where: { id: c.id }, data: { needsReview: true } });
      return [{ id: c.id, version: c.version }];
    },
    { audit: "annotation.confirm_anchor", crossWorkspace: true },
  ),
  row(
    "annotations.remarkAnnotation",
    annotations.remarkAnnotation,
    "claims.write",
    async () => {
      const c = await freshClaim();
      const p = fx.article.passages.find((x) => x.id === c.passageId)!;
      return [{ id: c.id, version: c.version, ...quoteSpan(p.text, OTHER_WORDS)!, exact: OTHER_WORDS }];
    },
    { audit: "annotation.remark", crossWorkspace: true },
  ),

  // articles, article metadata, paragraphs
  row("articles.previewImport", articles.previewImport, "articles.write", async () => [{ text: articleText(next()) }], { audit: null }),
  row("articles.importArticle", articles.importArticle, "articles.write", async () => [{ text: articleText(next()), title: `Nhập ${k}` }], {
    audit: "article.import",
  }),
  row("articles.deleteArticle", articles.deleteArticle, "articles.write", async () => [(await freshArticle()).articleId], {
    audit: "article.delete",
    crossWorkspace: true,
  }),
  row(
    "article-metadata.updateArticle",
    articleMetadata.updateArticle,
    "articles.write",
    async () => {
      const { version } = await getDb().article.findUniqueOrThrow({ where: { id: fx.article.articleId }, select: { version: true } });
      return [{ id: fx.article.articleId, version, title: `Tiêu đề ${next()}` }];
    },
    { audit: "article.update", crossWorkspace: true },
  ),
  row(
    "passages.updatePassageText",
    passages.updatePassageText,
    "articles.write",
    async () => {
      const a = await freshArticle();
      return [{ passageId: at(a.passages, 1).id, text: `${at(a.passages, 1).text} (đã sửa)`, expectedText: at(a.passages, 1).text }];
    },
    { audit: "passage.update", crossWorkspace: true },
  ),

  // bulk import (the service, and the two exported writers it dispatches to)
  row(
    "bulk-import.bulkImport",
    bulkImport.bulkImport,
    "articles.write",
    async () => {
      const a = await freshArticle();
      return [{ fileName: "claims.jsonl", bytes: utf8(JSON.stringify(claimLine(a))) }];
    },
    { audit: "annotation.bulk_import", crossWorkspace: true },
  ),
  row(
    "bulk-import-articles.importArticleLines",
    bulkImportArticles.importArticleLines,
    "articles.write",
    async () => ["direct.jsonl", [{ line: 1, value: { text: articleText(next()), title: `Dòng ${k}` } }], []],
    { audit: "article.bulk_import" },
  ),
  row(
    "bulk-import-claims.importClaims",
    bulkImportClaims.importClaims,
    "claims.write",
    async () => {
      const r = readClaimLine(1, claimLine(await freshArticle()));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return ["direct.jsonl", "claims", [r.draft], []];
    },
    { audit: "annotation.bulk_import", crossWorkspace: true },
  ),

  // web pages
  row(
    "web-page-import.previewHtmlImport",
    webPageImport.previewHtmlImport,
    "articles.write",
    async () => [
      {
        fileName: "page.html",
        bytes: utf8(
          `<html><head><title>Trang ${next()}</title></head><body><article><p>${QUOTE}, trang số ${k}.</p><p>Hai bên hội đàm hơn bốn giờ.</p></article></body></html>`,
        ),
      },
    ],
    { audit: null },
  ),
  // The address is checked after the capability and refused before any fetch: no network here.
  row("web-page-import.previewUrlImport", webPageImport.previewUrlImport, "articles.write", async () => [{ url: "http://127.0.0.1/tin-tuc" }], {
    audit: null,
    allowedFails: "bad_request",
  }),

  // entities and sources
  row("speakers.createEntity", speakers.createEntity, "entities.write", async () => [{ name: `Tổ chức ${next()}`, kind: "ORGANIZATION" }], {
    audit: "entity.create",
  }),
  row("entities.updateEntity", entities.updateEntity, "entities.write", async () => [{ id: (await freshEntity()).id, kind: "COUNTRY" }], {
    audit: "entity.update",
    crossWorkspace: true,
  }),
  row("entities.addAlias", entities.addAlias, "entities.write", async () => [{ entityId: fx.entityId, alias: `Bí danh ${next()}` }], {
    audit: "entity.alias.add",
    crossWorkspace: true,
  }),
  row(
    "entities.removeAlias",
    entities.removeAlias,
    "entities.write",
    async () => {
      const e = await freshEntity();
      const { alias } = await entities.addAlias(own(), { entityId: e.id, alias: `Tên khác ${next()}` });
      return [{ aliasId: alias.id }];
    },
    { audit: "entity.alias.remove", crossWorkspace: true },
  ),
  row(
    "entities.mergeEntities",
    entities.mergeEntities,
    "entities.write",
    async () => [{ sourceId: (await freshEntity()).id, targetId: (await freshEntity()).id }],
    { audit: "entity.merge", crossWorkspace: true },
  ),
  row("sources.createSource", sources.createSource, "entities.write", async () => [{ name: `Nguồn ${next()}`, upstreamId: fx.sourceId }], {
    audit: "source.create",
    crossWorkspace: true,
  }),
  row("sources.deleteSource", sources.deleteSource, "entities.write", async () => [(await sources.createSource(own(), { name: `Nguồn bỏ ${next()}` })).id], {
    audit: "source.delete",
    crossWorkspace: true,
  }),
  row("sources.updateSource", sources.updateSource, "entities.write", async () => [{ id: fx.sourceId, country: `Quốc gia ${next()}` }], {
    audit: "source.update",
    crossWorkspace: true,
  }),

  // propositions
  row(
    "propositions.createPropositionFromClaim",
    propositions.createPropositionFromClaim,
    "propositions.write",
    async () => [{ annotationId: (await freshClaim()).id }],
    { audit: "proposition.create", crossWorkspace: true },
  ),
  row(
    "propositions.linkMention",
    propositions.linkMention,
    "propositions.write",
    async () => [{ annotationId: (await freshClaim()).id, propositionId: fx.propositionId, stance: "SUPPORTS" }],
    { audit: "mention.link", crossWorkspace: true },
  ),
  row(
    "propositions.unlinkMention",
    propositions.unlinkMention,
    "propositions.write",
    async () => {
      const { claim, proposition } = await freshProposition();
      return [{ annotationId: claim.id, propositionId: proposition.id }];
    },
    { audit: "mention.unlink", crossWorkspace: true },
  ),
  row(
    "propositions.moveMention",
    propositions.moveMention,
    "propositions.write",
    async () => {
      const { claim, proposition } = await freshProposition();
      return [{ annotationId: claim.id, fromId: proposition.id, toId: fx.propositionId }];
    },
    { audit: "mention.move", crossWorkspace: true },
  ),
  row(
    "propositions.mergePropositions",
    propositions.mergePropositions,
    "propositions.write",
    async () => [{ sourceId: (await freshProposition()).proposition.id, targetId: (await freshProposition()).proposition.id }],
    { audit: "proposition.merge", crossWorkspace: true },
  ),
  row(
    "propositions.updateProposition",
    propositions.updateProposition,
    "propositions.write",
    async () => [
      {
        id: fx.propositionId,
        statement: `Phát biểu ${next()}`,
        claimTypeId: null,
        ratingLabel: null,
        ratingValue: null,
        ratingBest: null,
        ratingWorst: null,
        reviewUrl: null,
        reviewDate: null,
      },
    ],
    { audit: "proposition.update", crossWorkspace: true },
  ),
  row(
    "propositions.markSameValues",
    propositions.markSameValues,
    "propositions.write",
    async () => [{ propositionId: fx.propositionId, field: "date", keys: [`tháng trước ${next()}`, "2023-08"] }],
    { audit: "proposition.same_values", crossWorkspace: true },
  ),
  row("propositions.deleteProposition", propositions.deleteProposition, "propositions.write", async () => [(await freshProposition()).proposition.id], {
    audit: "proposition.delete",
    crossWorkspace: true,
  }),

  // workspace administration
  row("workspaces.setMember", workspaces.setMember, "members.manage", async () => [{ email: (await newUser("Newcomer")).email, role: "VIEWER" }], {
    audit: "member.add",
  }),
  row("workspaces.addMember", workspaces.addMember, "members.manage", async () => [{ email: (await newUser("Joiner")).email, role: "REVIEWER" }], {
    audit: "member.add",
  }),
  row(
    "workspaces.updateMemberRole",
    workspaces.updateMemberRole,
    "members.manage",
    async () => {
      const u = await newUser("Promoted");
      await workspaces.setMember(own(), { email: u.email, role: "VIEWER" });
      return [u.user.id, { role: "REVIEWER" }];
    },
    { audit: "member.update", crossWorkspace: true },
  ),
  // invitations
  row("invitations.createInvitation", invitations.createInvitation, "members.manage", async () => [{ role: "EDITOR", expiresInDays: 7 }], {
    audit: "invitation.create",
  }),
  row(
    "invitations.revokeInvitation",
    invitations.revokeInvitation,
    "members.manage",
    async () => [(await invitations.createInvitation(own(), { role: "VIEWER", expiresInDays: 1 })).id],
    { audit: "invitation.revoke", crossWorkspace: true },
  ),
  row(
    "workspaces.removeMember",
    workspaces.removeMember,
    "members.manage",
    async () => {
      const u = await newUser("Leaver");
      await workspaces.setMember(own(), { email: u.email, role: "VIEWER" });
      return [u.user.id];
    },
    { audit: "member.remove", crossWorkspace: true },
  ),
  row(
    "workspaces.saveClaimType",
    workspaces.saveClaimType,
    "claimTypes.manage",
    async () => [{ id: fx.claimTypeId, label: `Quà tặng ${next()}`, color: "#9467bd", shortcut: null }],
    { audit: "claimType.update", crossWorkspace: true },
  ),
  row(
    "workspaces.deleteClaimType",
    workspaces.deleteClaimType,
    "claimTypes.manage",
    async () => {
      const t = await workspaces.saveClaimType(own(), { label: `Loại ${next()}`, color: "#123456", shortcut: null });
      return [t.id];
    },
    { audit: "claimType.delete", crossWorkspace: true },
  ),

  // review (lib/server/review.int.test.ts tests the transitions; these rows the roles). The author of
  // a claim may submit it whatever their role, so the viewer row submits a claim the viewer wrote.
  row(
    "review.submitClaims",
    review.submitClaims,
    "workspace.read",
    async () => {
      const c = await freshClaim();
      await getDb().annotation.update({ where: { id: c.id }, data: { authorId: fx.users.VIEWER } });
      return [{ ids: [c.id] }];
    },
    { audit: "annotation.submit", crossWorkspace: true },
  ),
  row(
    "review.reviewClaim",
    review.reviewClaim,
    "claims.review",
    async () => {
      const c = await freshClaim();
      const { version } = await getDb().annotation.update({ where: { id: c.id }, data: { status: "SUBMITTED" }, select: { version: true } });
      return [{ id: c.id, version, decision: "approve" }];
    },
    { audit: "annotation.approve", crossWorkspace: true },
  ),
  row(
    "review.bulkApprove",
    review.bulkApprove,
    "claims.review",
    async () => {
      const c = await freshClaim();
      await getDb().annotation.update({ where: { id: c.id }, data: { status: "SUBMITTED" } });
      return [{ ids: [c.id] }];
    },
    { audit: "annotation.approve", crossWorkspace: true },
  ),
  row("review.updateReviewSettings", review.updateReviewSettings, "workspace.manage", async () => [{ countApprovedOnly: false }], {
    audit: "workspace.settings",
  }),

  // comments: reviewers and above; edit and delete only one's own (the reviewer's, here)
  row(
    "comments.createComment",
    comments.createComment,
    "comments.write",
    async () => [{ targetType: "annotation", targetId: (await freshClaim()).id, body: "Nguồn?" }],
    { audit: "comment.create", crossWorkspace: true },
  ),
  row(
    "comments.replyToComment",
    comments.replyToComment,
    "comments.write",
    async () => {
      const root = await comments.createComment(own(), { targetType: "annotation", targetId: (await freshClaim()).id, body: "Ngày nào?" });
      return [{ threadId: root.id, body: "13/9" }];
    },
    { audit: "comment.reply", crossWorkspace: true },
  ),
  row(
    "comments.updateComment",
    comments.updateComment,
    "comments.write",
    async () => {
      const c = await comments.createComment(fx.actors.REVIEWER, { targetType: "proposition", targetId: fx.propositionId, body: "bản đầu" });
      return [{ id: c.id, body: `bản ${next()}` }];
    },
    { audit: "comment.update", crossWorkspace: true },
  ),
  row(
    "comments.deleteComment",
    comments.deleteComment,
    "comments.write",
    async () => [(await comments.createComment(fx.actors.REVIEWER, { targetType: "proposition", targetId: fx.propositionId, body: "xoá" })).id],
    { audit: "comment.delete", crossWorkspace: true },
  ),
  row(
    "comments.resolveThread",
    comments.resolveThread,
    "comments.write",
    async () => [{ id: (await comments.createComment(own(), { targetType: "proposition", targetId: fx.propositionId, body: "xong?" })).id, resolved: true }],
    { audit: "comment.resolve", crossWorkspace: true },
  ),
  // history: reverting is an edit of the claim, audited by updateAnnotation
  row(
    "history.revertAnnotation",
    history.revertAnnotation,
    "claims.write",
    async () => {
      const c = await freshClaim();
      const v2 = await annotations.updateAnnotation(own(), { ...annotations.detailsOf(c), id: c.id, version: c.version, note: "sửa" });
      const created = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: "annotation.create" }, select: { id: true } });
      return [{ id: c.id, eventId: created.id.toString(), version: v2.version }];
    },
    { audit: "annotation.update", crossWorkspace: true },
  ),
  // inbox: every member reads their own
  row(
    "inbox.markNotificationsRead",
    inbox.markNotificationsRead,
    "workspace.read",
    async () => {
      const n = await getDb().notification.create({
        data: { workspaceId: fx.ws, userId: fx.users.VIEWER, kind: "mention", targetType: "proposition", targetId: fx.propositionId },
        select: { id: true },
      });
      return [{ ids: [n.id] }];
    },
    { audit: "notification.read", crossWorkspace: true },
  ),

  // API tokens: any member may make (and revoke) their own; the role rules are tested below.
  row("api-tokens.createApiToken", apiTokens.createApiToken, "workspace.read", async () => [{ name: `script ${next()}`, role: "VIEWER" }], {
    audit: "apiToken.create",
  }),
  row(
    "api-tokens.revokeApiToken",
    apiTokens.revokeApiToken,
    "workspace.read",
    async () => {
      const t = await apiTokens.createApiToken(fx.actors.VIEWER, { name: `own token ${next()}`, role: "VIEWER" });
      return [t.id];
    },
    { audit: "apiToken.revoke", crossWorkspace: true },
  ),

  // annotation sessions: editors create them and manage their own (the "not the creator" refusals
  // are tested below); annotators set their progress; the session's reviewers adjudicate.
  row(
    "sessions.createSession",
    sessions.createSession,
    "sessions.manage",
    async () => [{ name: `Phiên mới ${next()}`, articleIds: [fx.article.articleId], reviewerIds: [fx.users.REVIEWER] }],
    { audit: "session.create", crossWorkspace: true },
  ),
  row(
    "sessions.updateSession",
    sessions.updateSession,
    "sessions.manage",
    async () => {
      const s = await freshSession();
      return [{ id: s.id, version: s.version, name: `Đổi tên ${next()}`, articleIds: [fx.article.articleId] }];
    },
    { audit: "session.update", crossWorkspace: true },
  ),
  row(
    "sessions.deleteSession",
    sessions.deleteSession,
    "sessions.manage",
    async () => {
      const s = await freshSession();
      return [{ id: s.id, version: s.version }];
    },
    { audit: "session.delete", crossWorkspace: true },
  ),
  row(
    "sessions.assignSession",
    sessions.assignSession,
    "sessions.manage",
    async () => {
      const s = await freshSession({ articleIds: [(await freshArticle()).articleId], annotatorIds: [fx.users.EDITOR], assign: "none" });
      return [{ id: s.id, version: s.version, mode: "all" }];
    },
    { audit: "session.assign", crossWorkspace: true },
  ),
  // Blind, with no articles or annotators: it hides nothing from the other rows while it waits.
  row(
    "sessions.revealSession",
    sessions.revealSession,
    "sessions.manage",
    async () => {
      const s = await freshSession({ mode: "BLIND" });
      return [{ id: s.id, version: s.version }];
    },
    { audit: "session.reveal", crossWorkspace: true },
  ),
  row(
    "sessions.closeSession",
    sessions.closeSession,
    "sessions.manage",
    async () => {
      const s = await freshSession();
      return [{ id: s.id, version: s.version }];
    },
    { audit: "session.close", crossWorkspace: true },
  ),
  row(
    "sessions.reopenSession",
    sessions.reopenSession,
    "sessions.manage",
    async () => {
      const s = await freshSession();
      const closed = await sessions.closeSession(fx.actors.EDITOR, { id: s.id, version: s.version });
      return [{ id: s.id, version: closed.version }];
    },
    { audit: "session.reopen", crossWorkspace: true },
  ),
  row(
    "sessions.setAssignmentStatus",
    sessions.setAssignmentStatus,
    "claims.write",
    async () => {
      const { articleId } = await freshArticle();
      const s = await sessions.createSession(own(), { name: `Phiên giao việc ${next()}`, articleIds: [articleId], annotatorIds: [fx.users.EDITOR] });
      return [s.id, { articleId, status: "DONE" }];
    },
    { audit: "session.assignment_status", crossWorkspace: true },
  ),
  row(
    "curation.decideUnit",
    curation.decideUnit,
    "claims.review",
    async () => {
      const { articleId, session, claim } = await sessionWithClaim();
      return [session.id, { articleId, claimIds: [claim.id], decision: "accept", chosenId: claim.id }];
    },
    { audit: "session.accept", crossWorkspace: true },
  ),
  row(
    "curation.undoDecision",
    curation.undoDecision,
    "claims.review",
    async () => {
      const { articleId, session, claim } = await sessionWithClaim();
      const decision = await curation.decideUnit(own(), session.id, { articleId, claimIds: [claim.id], decision: "reject" });
      return [session.id, decision.id];
    },
    { audit: "session.undo_decision", crossWorkspace: true },
  ),
];

const TABLES = [
  "User",
  "Workspace",
  "Membership",
  "Source",
  "Article",
  "ArticleOrigin",
  "Passage",
  "Entity",
  "EntityAlias",
  "ClaimType",
  "Annotation",
  "AnnotationSpeaker",
  "AnnotationActor",
  "Proposition",
  "MentionLink",
  "AnnotationSession",
  "SessionMember",
  "SessionAssignment",
  "SessionDecision",
  "Comment",
  "AuditEvent",
  "ApiToken",
];
const FINGERPRINT_SQL = `SELECT ${TABLES.map((t) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${t}" x) AS "${t}"`).join(", ")}`;

/** A digest of every row of every table: equal before and after means nothing at all was written. */
async function fingerprint(): Promise<Record<string, string>> {
  const r = only(await getDb().$queryRawUnsafe<Record<string, string>[]>(FINGERPRINT_SQL));
  return r;
}

/** `p` fails with an AppError of `code`; the message says who was not refused, and what happened instead. */
async function refused(p: Promise<unknown>, code: ErrorCode, who: string): Promise<AppError> {
  const err = await p.then(
    () => "it succeeded",
    (e: unknown) => e,
  );
  expect(err instanceof AppError ? err.code : String(err), `${who} should be refused with ${code}`).toBe(code);
  return err as AppError;
}

const below = (role: Role) => ROLES.filter((r) => !hasRole(r, role));
const lastAuditId = async () => (await getDb().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);

beforeAll(async () => {
  const owner = await newUser("Owner");
  const outsider = await newUser("Outsider");
  const ws = owner.workspace.id;
  const users = { OWNER: owner.user.id } as Record<Role, string>;
  for (const role of ["EDITOR", "REVIEWER", "VIEWER"] as const) {
    const u = await newUser(role);
    await workspaces.setMember(owner.actor, { email: u.email, role });
    users[role] = u.user.id;
  }
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) actors[role] = await requireMember(users[role], ws);
  fx = { owner, outsider, ws, users, actors } as Fixtures;
  fx.article = await freshArticle();
  fx.claimTypeId = await claimTypeId("gift");
  fx.sourceId = (await getDb().source.findFirstOrThrow({ where: { workspaceId: ws, name: "Báo Mẫu" }, select: { id: true } })).id;
  fx.entityId = (await freshEntity()).id;
  fx.propositionId = (await freshProposition()).proposition.id;
  // The outsider's own workspace holds the same kinds of rows, so a leak would have somewhere to go.
  await importPassages(outsider, articleText(next()), { title: "Ngoài" });
});

describe("the fixtures", () => {
  it("give every role its capabilities, and tokens cap them", async () => {
    for (const role of ROLES) expect(fx.actors[role].role).toBe(role);
    const capped = await requireMember(fx.users.OWNER, fx.ws, { tokenRole: "VIEWER" });
    expect([capped.role, capped.via, [...capped.capabilities]]).toEqual(["VIEWER", "token", ["workspace.read"]]);
    // A token never raises its owner's role.
    expect((await requireMember(fx.users.EDITOR, fx.ws, { tokenRole: "OWNER" })).role).toBe("EDITOR");
    await expectAppError(requireMember(fx.outsider.user.id, fx.ws), "not_found");
    await expectAppError(requireMember(null, fx.ws), "unauthorized");
  });
});

describe.each(ROWS)("$name", (r) => {
  it(`needs ${r.capability} (${roleFor(r.capability).toLowerCase()} or higher)`, async () => {
    const needed = roleFor(r.capability);
    const args = await r.args();
    // A copy per call: some services push into arrays they are given (bulk import's `errors`).
    const call = (actor: Actor) => r.fn(actor, ...(structuredClone(args) as never[]));
    const before = await fingerprint();

    // 1. Outsider: no Actor for the workspace, whatever the token or capability asked for.
    await expectAppError(requireMember(fx.outsider.user.id, fx.ws), "not_found");
    await expectAppError(requireMember(fx.outsider.user.id, fx.ws, { tokenRole: "OWNER", need: r.capability }), "not_found");
    // …and their own (owner) Actor cannot reach this workspace's rows by id.
    if (r.crossWorkspace) {
      const err = await call(fx.outsider.actor).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, "the outsider's own Actor reached the workspace").toBeInstanceOf(AppError);
      expect(["not_found", "validation"]).toContain((err as AppError).code);
    }
    expect(await fingerprint(), "an outsider's call wrote something").toEqual(before);

    // 2. Every member role below the one needed: forbidden, naming the capability.
    for (const role of below(needed)) {
      const err = await refused(call(fx.actors[role]), "forbidden", `a ${role} member`);
      expect(err.details?.capability, `${role} refused for the wrong capability`).toBe(r.capability);
    }
    // 4. The owner through a token capped below the capability: forbidden.
    for (const role of below(needed)) {
      const capped = await requireMember(fx.users.OWNER, fx.ws, { tokenRole: role });
      const err = await refused(call(capped), "forbidden", `the owner through a ${role} token`);
      expect(err.message).toMatch(/^This token's role/);
      expect(err.details?.capability).toBe(r.capability);
    }
    // …and a hand-made Actor, even a copy of an allowed one or of the owner's: unauthorized.
    await refused(call({ ...fx.actors[needed] }), "unauthorized", `a hand-made copy of the ${needed} Actor`);
    await refused(call(Object.freeze({ ...fx.actors.OWNER })), "unauthorized", "a hand-made copy of the owner's Actor");
    expect(await fingerprint(), "a refused call wrote something").toEqual(before);

    // 3. The lowest allowed role succeeds.
    const lastId = await lastAuditId();
    if (r.allowedFails) {
      await refused(call(fx.actors[needed]), r.allowedFails, `the ${needed} member (after the capability check)`);
      expect(await fingerprint()).toEqual(before);
      return;
    }
    await call(fx.actors[needed]);
    if (r.audit === null) {
      expect(await fingerprint(), "a preview wrote something").toEqual(before);
      return;
    }
    expect(await fingerprint(), "the allowed call wrote nothing").not.toEqual(before);
    const events = await getDb().auditEvent.findMany({ where: { id: { gt: lastId } }, select: { workspaceId: true, actorId: true, action: true } });
    expect(events).toContainEqual({ workspaceId: fx.ws, actorId: fx.users[needed], action: r.audit });
    expect(events.every((e) => e.workspaceId === fx.ws && e.actorId === fx.users[needed])).toBe(true);
  });
});

describe("API tokens, whose capability every member has", () => {
  it("cannot be made stronger than the (token-capped) role, and write nothing when refused", async () => {
    const before = await fingerprint();
    await expectAppError(apiTokens.createApiToken(fx.actors.VIEWER, { name: "too strong", role: "EDITOR" }), "forbidden");
    await expectAppError(apiTokens.createApiToken(fx.actors.EDITOR, { name: "too strong", role: "OWNER" }), "forbidden");
    const viaViewerToken = await requireMember(fx.users.OWNER, fx.ws, { tokenRole: "VIEWER" });
    await expectAppError(apiTokens.createApiToken(viaViewerToken, { name: "escalation", role: "EDITOR" }), "forbidden", /viewer/);
    const viaEditorToken = await requireMember(fx.users.OWNER, fx.ws, { tokenRole: "EDITOR" });
    await expectAppError(apiTokens.createApiToken(viaEditorToken, { name: "escalation", role: "OWNER" }), "forbidden");
    expect(await fingerprint()).toEqual(before);
  });

  it("are revoked only by their creator or by the owner in person, not through a capped token", async () => {
    const { id } = await apiTokens.createApiToken(fx.actors.EDITOR, { name: `editor's script ${next()}`, role: "EDITOR" });
    const before = await fingerprint();
    await expectAppError(apiTokens.revokeApiToken(fx.actors.VIEWER, id), "not_found");
    await expectAppError(apiTokens.revokeApiToken(await requireMember(fx.users.OWNER, fx.ws, { tokenRole: "EDITOR" }), id), "not_found");
    await expectAppError(apiTokens.revokeApiToken(fx.outsider.actor, id), "not_found");
    expect(await fingerprint()).toEqual(before);
    expect((await apiTokens.revokeApiToken(fx.actors.OWNER, id)).revokedAt).not.toBeNull();
  });
});

describe("annotation sessions, managed by their creator and the workspace's owners only", () => {
  it("refuses an editor who did not create the session (403) and writes nothing; the owner manages any", async () => {
    const s = await freshSession({ articleIds: [(await freshArticle()).articleId], annotatorIds: [fx.users.EDITOR] });
    const u = await newUser("Second editor");
    await workspaces.setMember(own(), { email: u.email, role: "EDITOR" });
    const second = await requireMember(u.user.id, fx.ws);
    const state = { id: s.id, version: s.version };
    const before = await fingerprint();
    for (const attempt of [
      () => sessions.updateSession(second, { ...state, name: "Của tôi" }),
      () => sessions.assignSession(second, { ...state, mode: "split" }),
      () => sessions.closeSession(second, state),
      () => sessions.deleteSession(second, state),
      () => sessions.setAssignmentStatus(second, s.id, { articleId: at(s.articleIds, 0), userId: fx.users.EDITOR, status: "DONE" }),
    ])
      await expectAppError(attempt(), "forbidden", /creator or a workspace owner|managers/);
    expect(await fingerprint()).toEqual(before);
    expect((await sessions.closeSession(fx.actors.OWNER, state)).state).toBe("closed");
  });

  it("lets only the session's own reviewers (and managers) adjudicate it", async () => {
    const { articleId, session, claim } = await sessionWithClaim();
    const u = await newUser("Other reviewer");
    await workspaces.setMember(own(), { email: u.email, role: "REVIEWER" });
    const stranger = await requireMember(u.user.id, fx.ws);
    const before = await fingerprint();
    await expectAppError(curation.getCuration(stranger, session.id, articleId), "forbidden");
    await expectAppError(curation.decideUnit(stranger, session.id, { articleId, claimIds: [claim.id], decision: "reject" }), "forbidden");
    expect(await fingerprint()).toEqual(before);
    expect((await curation.getCuration(fx.actors.REVIEWER, session.id, articleId)).units).toHaveLength(1);
  });
});

describe("completeness", () => {
  it("has a row (or a reasoned skip) for every exported write service of lib/server", async () => {
    const files = readdirSync(SERVER_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const found: string[] = [];
    const byFn = new Map<unknown, string>();
    for (const file of files) {
      const mod = (await import(path.join(SERVER_DIR, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function" || !WRITE_NAME.test(name)) continue;
        if (byFn.has(value)) continue; // re-exported from another module
        const key = `${file.replace(/\.ts$/, "")}.${name}`;
        byFn.set(value, key);
        found.push(key);
      }
    }
    const covered = new Set(ROWS.map((r) => byFn.get(r.fn)));
    const missing = found.filter((key) => !covered.has(key) && !(key in SKIPPED));
    expect(missing, "write services without a row in ROWS (or an entry in SKIPPED)").toEqual([]);
    // Rows name their own export, once each; skips are not stale.
    expect(ROWS.map((r) => byFn.get(r.fn))).toEqual(ROWS.map((r) => r.name));
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
    expect(
      Object.keys(SKIPPED).filter((key) => !found.includes(key)),
      "stale SKIPPED entries",
    ).toEqual([]);
    // Every capability in a row is one of the table's.
    for (const r of ROWS) expect(Object.keys(CAPABILITIES)).toContain(r.capability);
  });
});
