import { z } from "zod";
import type { Capability } from "@/lib/domain/permissions";
import type { BodySpec, HttpMethod } from "@/lib/api/http";
import { bodies, composite, queries, responses } from "@/lib/api/schemas";
import { exportFormatSchema } from "@/lib/validation/exports";

export type { HttpMethod } from "@/lib/api/http";

type EndpointBase = {
  method: HttpMethod;
  /** Relative to /api/v1, OpenAPI style: /workspaces/{workspaceId}/articles/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** "session": browser session only; "none": public. Default: API token or browser session. */
  auth?: "any" | "session" | "none";
  /** The capability it needs (lib/domain/permissions), of both the membership and the token's role. */
  need?: Capability;
  /** What `{id}` in the path names, for "… not found". */
  resource?: string;
  /** Path parameters that are not record ids, by name; the others are uuids. */
  pathParams?: Record<string, z.ZodType<string>>;
  query?: z.ZodObject;
};

/** A request body: JSON validated by `body`, or (`requestMedia`) a file sent as is, each media type it reads → what it holds. */
type RequestBody = { body?: BodySpec; requestMedia?: never } | { requestMedia: Readonly<Record<string, string>>; body?: never };

/**
 * One documented operation answering JSON. Workspace routes built with `route()` enforce exactly
 * what is written here (role, path, query, body or the body's media type), so the OpenAPI document
 * cannot drift from the handlers.
 */
export type JsonEndpointDef = EndpointBase & RequestBody & { response: z.ZodType; status?: 200 | 201; media?: never };

/**
 * Documentation only: an operation answering a file (or stream) that its hand-written handler
 * builds, so `route()` refuses it. `media`: each media type it may answer with → what that body is.
 */
export type FileEndpointDef = EndpointBase & { media: Readonly<Record<string, string>>; body?: never; requestMedia?: never; response?: never; status?: never };

export type EndpointDef = JsonEndpointDef | FileEndpointDef;

const ws = "/workspaces/{workspaceId}";
const def = <const D extends EndpointDef>(d: D) => d;

export const endpoints = {
  listWorkspaces: def({
    method: "GET",
    path: "/workspaces",
    tag: "Workspaces",
    summary: "Workspaces you belong to (a token sees only its own)",
    response: responses.workspaces,
  }),

  listTokens: def({
    method: "GET",
    path: "/tokens",
    tag: "API tokens",
    auth: "session",
    summary: "Your API tokens in a workspace (owners see everyone's); never the token itself",
    query: queries.tokens,
    response: composite.tokens,
  }),
  createToken: def({
    method: "POST",
    path: "/tokens",
    tag: "API tokens",
    auth: "session",
    summary: "Create a personal API token",
    description: "The plain token is in this response only; store it now. Its role can be at most your role in the workspace.",
    body: bodies.createToken,
    response: composite.tokenCreated,
    status: 201,
  }),
  revokeToken: def({
    method: "DELETE",
    path: "/tokens/{id}",
    tag: "API tokens",
    auth: "session",
    resource: "API token",
    summary: "Revoke an API token (yours, or any as an owner)",
    query: queries.tokens,
    response: responses.token,
  }),

  listSources: def({
    method: "GET",
    path: `${ws}/sources`,
    tag: "Sources",
    need: "workspace.read",
    summary: "Sources by name, with usage counts",
    query: queries.sources,
    response: composite.sources,
  }),
  createSource: def({
    method: "POST",
    path: `${ws}/sources`,
    tag: "Sources",
    need: "entities.write",
    summary: "Create a source: name, kind, country, language, upstream (the source it relays), linked entity",
    description:
      "A name already used, ignoring case and accents, is a 409 naming the source that has it. A kind left out is guessed from the name (Reuters → WIRE_AGENCY). The upstream and the entity must be this workspace's.",
    body: bodies.createSource,
    response: responses.source,
    status: 201,
  }),
  updateSource: def({
    method: "PATCH",
    path: `${ws}/sources/{id}`,
    tag: "Sources",
    need: "entities.write",
    resource: "Source",
    summary: "Edit a source: name, kind, country, language, upstream (the source it relays), linked entity; null clears",
    body: bodies.updateSource,
    response: responses.source,
  }),

  deleteSource: def({
    method: "DELETE",
    path: `${ws}/sources/{id}`,
    tag: "Sources",
    need: "entities.write",
    resource: "Source",
    summary: "Delete a source nobody cites",
    description:
      "Refused (409, details.articles / origins / claims) while it publishes an article, is an article's origin or speaks in a claim, deleted claims included. Sources that relayed it become independent (relaysCleared).",
    response: composite.sourceDeleted,
  }),

  listClaimTypes: def({
    method: "GET",
    path: `${ws}/claim-types`,
    tag: "Claim types",
    need: "workspace.read",
    summary: "The workspace's claim types, in reader order (claimTypeId for claims and propositions)",
    response: composite.claimTypes,
  }),
  createClaimType: def({
    method: "POST",
    path: `${ws}/claim-types`,
    tag: "Claim types",
    need: "claimTypes.manage",
    summary: "Create a claim type",
    description: "A shortcut key another type already has is a 409 on details.fields.shortcut.",
    body: bodies.createClaimType,
    response: responses.claimType,
    status: 201,
  }),
  updateClaimType: def({
    method: "PATCH",
    path: `${ws}/claim-types/{id}`,
    tag: "Claim types",
    need: "claimTypes.manage",
    resource: "Claim type",
    summary: "Edit a claim type's label, colour or shortcut; fields left out keep their value",
    body: bodies.updateClaimType,
    response: responses.claimType,
  }),
  deleteClaimType: def({
    method: "DELETE",
    path: `${ws}/claim-types/{id}`,
    tag: "Claim types",
    need: "claimTypes.manage",
    resource: "Claim type",
    summary: "Delete a claim type no claim uses",
    description:
      "One in use is a 409 with details.claims (deleted claims included, for undo) and details.propositions. Propositions of a deleted type keep no type (propositionsUntyped).",
    response: composite.claimTypeDeleted,
  }),

  listMembers: def({
    method: "GET",
    path: `${ws}/members`,
    tag: "Members",
    need: "workspace.read",
    summary: "Members with their role, oldest first",
    response: composite.members,
  }),
  addMember: def({
    method: "POST",
    path: `${ws}/members`,
    tag: "Members",
    need: "members.manage",
    summary: "Add an existing account as a member",
    description: "An email no account uses is a 422 on details.fields.email; someone already a member is a 409 with details.role (change it with PATCH).",
    body: bodies.addMember,
    response: responses.member,
    status: 201,
  }),
  updateMember: def({
    method: "PATCH",
    path: `${ws}/members/{id}`,
    tag: "Members",
    need: "members.manage",
    resource: "Member",
    summary: "Change a member's role ({id} is the user id); the last owner stays owner (409)",
    body: bodies.updateMember,
    response: responses.member,
  }),
  removeMember: def({
    method: "DELETE",
    path: `${ws}/members/{id}`,
    tag: "Members",
    need: "members.manage",
    resource: "Member",
    summary: "Remove a member ({id} is the user id); their claims stay, their API tokens for this workspace are revoked",
    description: "The last owner cannot be removed (409).",
    response: composite.memberRemoved,
  }),

  listArticles: def({
    method: "GET",
    path: `${ws}/articles`,
    tag: "Articles",
    need: "workspace.read",
    summary: "Articles, newest first; q matches the title",
    query: queries.articles,
    response: composite.articles,
  }),
  importArticle: def({
    method: "POST",
    path: `${ws}/articles`,
    tag: "Articles",
    need: "articles.write",
    summary: "Import an article from plain text",
    description:
      "Paragraphs become passages (NFC). Publisher and origins are matched to sources by name or created. The same content twice is a 409 with details.articleId.",
    body: bodies.importArticle,
    response: responses.imported,
    status: 201,
  }),
  previewArticle: def({
    method: "POST",
    path: `${ws}/articles/preview`,
    tag: "Imports",
    need: "articles.write",
    summary: "Preview an import: the metadata and passages detected in a text; nothing is stored",
    description:
      "The same detection as the import page (title, date, publisher, origins, byline, link, captions, repeated paragraphs) and duplicateOf when this text is already stored. Send what you keep to POST …/articles.",
    body: bodies.previewImport,
    response: composite.importPreview,
  }),
  previewHtml: def({
    method: "POST",
    path: `${ws}/articles/preview/html`,
    tag: "Imports",
    need: "articles.write",
    summary: "Preview a saved web page (.html): its main text, metadata and passages; nothing is stored",
    description:
      "Send the page as the body (curl --data-binary @page.html -H 'Content-Type: text/html'), at most 5 MB. What the page declares (title, date, author, canonical link) beats what the text suggests. Import `text` with POST …/articles.",
    query: queries.previewHtml,
    requestMedia: { "text/html": "The page's HTML; its charset is read from the page" },
    response: composite.htmlPreview,
  }),
  previewUrl: def({
    method: "POST",
    path: `${ws}/articles/preview/url`,
    tag: "Imports",
    need: "articles.write",
    summary: "Preview a public web page by its address: fetched by the server, then previewed like a saved page",
    description:
      "Only public http(s) addresses (no local or private hosts); 10 s and 5 MB at most. An address that cannot be fetched is a 400 with details.fields.url or the reason.",
    body: bodies.previewUrl,
    response: composite.htmlPreview,
  }),
  bulkImport: def({
    method: "POST",
    path: `${ws}/imports`,
    tag: "Imports",
    need: "articles.write",
    summary: "Import a file of articles or claims (JSONL) or W3C Web Annotations, all or nothing",
    description: [
      "Send the file as the body with its media type (curl --data-binary @claims.jsonl -H 'Content-Type: application/x-ndjson'), at most 5 MB and 5,000 lines.",
      "Every line is checked first against the file and the workspace; any problem and nothing is written: a 422 whose details.errors lists each problem with its line (the first 100; details.more counts the rest). A valid file is written in one transaction.",
    ].join("\n\n"),
    query: queries.bulkImport,
    requestMedia: {
      "application/x-ndjson": "JSONL: one article ({ text, title?, … }) or one claim ({ passage, start, end, claimType, … }) per line",
      "application/ld+json": "W3C Web Annotations: one annotation, an array, or an AnnotationCollection",
      "application/json": "The same as application/ld+json",
    },
    response: composite.bulkImported,
    status: 201,
  }),
  getArticle: def({
    method: "GET",
    path: `${ws}/articles/{id}`,
    tag: "Articles",
    need: "workspace.read",
    resource: "Article",
    summary: "An article with its passages and claims",
    response: composite.articleDetail,
  }),
  updateArticle: def({
    method: "PATCH",
    path: `${ws}/articles/{id}`,
    tag: "Articles",
    need: "articles.write",
    resource: "Article",
    summary: "Correct an article's metadata: title, publisher, ordered origins, byline, date, URL, language",
    description:
      "Send `version` as read (GET the article); fields left out keep their value, null clears. Publisher and origins are source names, matched ignoring case and accents or created. A stale version is a 409 with details.currentVersion. Verdicts follow at once; claim dates written without a year are read again against a new publication date.",
    body: bodies.updateArticle,
    response: composite.articleUpdated,
  }),
  deleteArticle: def({
    method: "DELETE",
    path: `${ws}/articles/{id}`,
    tag: "Articles",
    need: "articles.write",
    resource: "Article",
    summary: "Delete an article with its passages and claims (propositions stay)",
    response: responses.deleted,
  }),

  correctPassage: def({
    method: "PATCH",
    path: `${ws}/passages/{id}`,
    tag: "Articles",
    need: "articles.write",
    resource: "Paragraph",
    summary: "Correct a paragraph's text; its claims are re-anchored and the answer reports each one",
    description: [
      "Concurrency: send `expectedText`, the paragraph's text as you read it (GET the article, passages[].text); paragraphs have no version of their own. If someone corrected this paragraph since, nothing is saved and the answer is a 409 with details.currentText; apply your correction to that text and send again. Corrections of other paragraphs do not conflict.",
      "Claims are re-anchored by quote and context: kept, moved, fuzzy (counted), needs review (not counted until confirmed with …/confirm-anchor) or orphaned (not counted; …/remark). `changes` lists every claim that did not stay exactly where it was, with its quote before and after.",
    ].join("\n\n"),
    body: bodies.correctPassage,
    response: composite.passageCorrected,
  }),

  listAnnotations: def({
    method: "GET",
    path: `${ws}/annotations`,
    tag: "Claims",
    need: "workspace.read",
    summary: "Claims (annotations), newest first",
    query: queries.annotations,
    response: composite.annotations,
  }),
  createAnnotation: def({
    method: "POST",
    path: `${ws}/annotations`,
    tag: "Claims",
    need: "claims.write",
    summary: "Mark a claim in a passage",
    description:
      "start/end are Unicode code points into the passage's NFC text; `exact`, when given, must equal that span. A span outside the passage or not matching is a 400 with the reason.",
    body: bodies.createAnnotation,
    response: responses.annotation,
    status: 201,
  }),
  getAnnotation: def({
    method: "GET",
    path: `${ws}/annotations/{id}`,
    tag: "Claims",
    need: "workspace.read",
    resource: "Claim",
    summary: "One claim",
    response: composite.annotationWithArticle,
  }),
  updateAnnotation: def({
    method: "PATCH",
    path: `${ws}/annotations/{id}`,
    tag: "Claims",
    need: "claims.write",
    resource: "Claim",
    summary: "Edit a claim's details",
    description:
      "Send `version` as read; fields left out keep their value. If someone saved in between, 409 with details.currentVersion and nothing is changed.",
    body: bodies.updateAnnotation,
    response: responses.annotation,
  }),
  confirmAnchor: def({
    method: "POST",
    path: `${ws}/annotations/{id}/confirm-anchor`,
    tag: "Claims",
    need: "claims.write",
    resource: "Claim",
    summary: "Confirm an uncertain re-anchoring (needsReview): the claim counts again at the words it shows",
    description: "Send `version` as read. A claim that is not waiting for review, or a stale version, is a 409.",
    body: bodies.confirmAnchor,
    response: responses.annotation,
  }),
  remarkAnnotation: def({
    method: "POST",
    path: `${ws}/annotations/{id}/remark`,
    tag: "Claims",
    need: "claims.write",
    resource: "Claim",
    summary: "Re-mark a claim (needs review or orphaned) on new words of its paragraph; it counts again",
    description: "start/end are code points into the passage's current NFC text; `exact`, when given, must equal that span (else 400 naming `exact`).",
    body: bodies.remarkAnnotation,
    response: responses.annotation,
  }),
  suggestPropositions: def({
    method: "GET",
    path: `${ws}/annotations/{id}/suggestions`,
    tag: "Claims",
    need: "workspace.read",
    resource: "Claim",
    summary: "Propositions this claim probably belongs to, best first, with reasons and the stance to link with",
    description:
      "Candidates share the claim type, the wording (ignoring accents) or its speakers and actors; a denial is suggested as refuting. Link one with PUT …/propositions/{id}/mentions/{annotationId}.",
    response: composite.suggestions,
  }),
  deleteAnnotation: def({
    method: "DELETE",
    path: `${ws}/annotations/{id}`,
    tag: "Claims",
    need: "claims.write",
    resource: "Claim",
    summary: "Delete a claim (kept for the audit trail); ?version= as read, 409 if stale",
    query: queries.deleteAnnotation,
    response: responses.deleted,
  }),

  listPropositions: def({
    method: "GET",
    path: `${ws}/propositions`,
    tag: "Propositions",
    need: "workspace.read",
    summary: "Propositions, newest first, with mention counts",
    query: queries.propositions,
    response: composite.propositions,
  }),
  createProposition: def({
    method: "POST",
    path: `${ws}/propositions`,
    tag: "Propositions",
    need: "propositions.write",
    summary: "New proposition from a claim (the claim's quote is the statement unless given)",
    body: bodies.createProposition,
    response: responses.proposition,
    status: 201,
  }),
  getProposition: def({
    method: "GET",
    path: `${ws}/propositions/{id}`,
    tag: "Propositions",
    need: "workspace.read",
    resource: "Proposition",
    summary: "A proposition with every mention, its independent origin and the verdict in words",
    response: composite.propositionDetail,
  }),
  updateProposition: def({
    method: "PATCH",
    path: `${ws}/propositions/{id}`,
    tag: "Propositions",
    need: "propositions.write",
    resource: "Proposition",
    summary: "Edit statement, claim type or rating; fields left out keep their value",
    body: bodies.updateProposition,
    response: responses.proposition,
  }),
  deleteProposition: def({
    method: "DELETE",
    path: `${ws}/propositions/{id}`,
    tag: "Propositions",
    need: "propositions.write",
    resource: "Proposition",
    summary: "Delete a proposition (its claims stay)",
    response: responses.deleted,
  }),
  mergePropositions: def({
    method: "POST",
    path: `${ws}/propositions/{id}/merge`,
    tag: "Propositions",
    need: "propositions.write",
    resource: "Proposition",
    summary: "Merge proposition `sourceId` into this one; 409 if a claim is linked to both with different stances",
    body: bodies.mergePropositions,
    response: composite.propositionMerged,
  }),
  markSameValues: def({
    method: "POST",
    path: `${ws}/propositions/{id}/same-values`,
    tag: "Propositions",
    need: "propositions.write",
    resource: "Proposition",
    summary: "Mark two detail values of its mentions as the same (or, with same: false, undo it)",
    description: "`keys` are the `key`s of two values in verdict.detailConflicts or verdict.uncertainDetails; the verdict then treats them as one value.",
    body: bodies.sameValues,
    response: composite.sameValues,
  }),
  linkMention: def({
    method: "PUT",
    path: `${ws}/propositions/{id}/mentions/{annotationId}`,
    tag: "Propositions",
    need: "propositions.write",
    resource: "Proposition",
    summary: "Link a claim to this proposition, or change its stance",
    body: bodies.linkMention,
    response: responses.mention,
  }),
  unlinkMention: def({
    method: "DELETE",
    path: `${ws}/propositions/{id}/mentions/{annotationId}`,
    tag: "Propositions",
    need: "propositions.write",
    resource: "Proposition",
    summary: "Unlink a claim from this proposition",
    response: responses.unlinked,
  }),

  listEntities: def({
    method: "GET",
    path: `${ws}/entities`,
    tag: "Entities",
    need: "workspace.read",
    summary: "Entities by name; q matches any alias ignoring case and diacritics",
    query: queries.entities,
    response: composite.entities,
  }),
  likelyDuplicates: def({
    method: "GET",
    path: `${ws}/entities/duplicates`,
    tag: "Entities",
    need: "workspace.read",
    summary: "Pairs of entities that probably name the same thing (similar names or aliases, ignoring case and accents), best first",
    response: composite.likelyDuplicates,
  }),
  createEntity: def({
    method: "POST",
    path: `${ws}/entities`,
    tag: "Entities",
    need: "entities.write",
    summary: "Create an entity (its name becomes its first alias); a name that already names an entity is a 409 with details.existing",
    body: bodies.createEntity,
    response: responses.entity,
    status: 201,
  }),
  updateEntity: def({
    method: "PATCH",
    path: `${ws}/entities/{id}`,
    tag: "Entities",
    need: "entities.write",
    resource: "Entity",
    summary: "Rename or re-kind an entity, or set whom it speaks for (speaksForId; cycles are refused); a new name is kept as an alias",
    body: bodies.updateEntity,
    response: composite.entityUpdated,
  }),
  addAlias: def({
    method: "POST",
    path: `${ws}/entities/{id}/aliases`,
    tag: "Entities",
    need: "entities.write",
    resource: "Entity",
    summary: "Add an alias; an alias that already names another entity is a 409 with details.existing (merge them instead)",
    body: bodies.addAlias,
    response: composite.aliasAdded,
    status: 201,
  }),
  removeAlias: def({
    method: "DELETE",
    path: `${ws}/entities/{id}/aliases/{aliasId}`,
    tag: "Entities",
    need: "entities.write",
    resource: "Entity",
    summary: "Remove an alias (not the entity's name, not its last one)",
    response: responses.deleted,
  }),
  mergeEntities: def({
    method: "POST",
    path: `${ws}/entities/{id}/merge`,
    tag: "Entities",
    need: "entities.write",
    resource: "Entity",
    summary: "Merge entity `sourceId` into this one: aliases, claims spoken and linked sources move",
    body: bodies.mergeEntities,
    response: composite.entitiesMerged,
  }),

  comparison: def({
    method: "GET",
    path: `${ws}/comparison`,
    tag: "Comparison",
    need: "workspace.read",
    summary: "Propositions × sources matrix with verdicts (the Compare page as JSON)",
    description: "Paged by `page` (50 rows), like the page. Unknown filter values are ignored, as in the UI.",
    query: queries.comparison,
    response: composite.comparison,
  }),
  search: def({
    method: "GET",
    path: `${ws}/search`,
    tag: "Search",
    need: "workspace.read",
    summary: "Search passages, claims, propositions, entities and sources",
    query: queries.search,
    response: composite.search,
  }),

  exportClaims: def({
    method: "GET",
    path: `${ws}/exports/{format}`,
    tag: "Exports",
    need: "workspace.read",
    summary: "Download the workspace's claims (csv, jsonl, w3c) or a proposition report (claimreview, markdown) as a file",
    description: [
      "Claim exports (csv, jsonl, w3c) stream from the database in batches, so memory stays flat however large the workspace. The file comes as an attachment (Content-Disposition).",
      "CSV cells starting with = + - @ (or a tab or carriage return) are prefixed with ' against formula injection in spreadsheets; a program reading the CSV back should drop that apostrophe, or use jsonl, which is not altered.",
      "The query narrows the scope like the comparison filters: a claimTypeId, verdict, entityId, sourceId, from, to or sessionId that is not valid is ignored, as in the UI; an invalid articleId or propositionIds, or an unknown format, is a 422.",
    ].join("\n\n"),
    pathParams: { format: exportFormatSchema },
    query: queries.exports,
    media: {
      "text/csv": "csv: one row per claim and linked proposition (UTF-8 with BOM, RFC 4180)",
      "application/x-ndjson": "jsonl: one JSON object per claim and line",
      "application/ld+json":
        "w3c: a W3C Web Annotation AnnotationCollection of the claims; claimreview: schema.org ClaimReview objects for the rated propositions",
      "text/markdown": "markdown: the claim report, each proposition with its verdict and sources",
    },
  }),

  openapi: def({
    method: "GET",
    path: "/openapi.json",
    tag: "Meta",
    auth: "none",
    summary: "This document (OpenAPI 3.1)",
    response: z.record(z.string(), z.unknown()),
  }),
} satisfies Record<string, EndpointDef>;

export type EndpointName = keyof typeof endpoints;
