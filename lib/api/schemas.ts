import { z } from "zod";
import { ANNOTATION_STATUSES, ROLES } from "@/lib/domain/vocabulary";
import { QUOTES_PER_CELL } from "@/lib/domain/comparison/cell-quotes";
import type { BodySpec } from "@/lib/api/http";
import { pageQuerySchema } from "@/lib/api/pagination";
import { createApiTokenSchema } from "@/lib/api/token-schema";
import { addAliasSchema, createSourceSchema, mergeEntitiesSchema, updateEntitySchema, updateSourceSchema } from "@/lib/validation/entities";
import { exportScopeSchema } from "@/lib/validation/exports";
import {
  COMMENT_TARGETS,
  createCommentSchema,
  historyQuerySchema,
  inboxQuerySchema,
  listCommentsSchema,
  markReadSchema,
  NOTIFICATION_KINDS,
  NOTIFICATION_TARGETS,
  replyCommentSchema,
  resolveThreadSchema,
  revertAnnotationSchema,
  updateCommentSchema,
} from "@/lib/validation/comments";
import { createInvitationSchema, heartbeatSchema, invitationTokenSchema, tabIdSchema } from "@/lib/validation/members";
import {
  cellQuotesQuerySchema,
  linkMentionSchema,
  matrixFilterSchema,
  mergePropositionsSchema,
  newPropositionSchema,
  sameValuesSchema,
  STANCES,
  updatePropositionSchema,
  VERDICT_KINDS,
} from "@/lib/validation/propositions";
import { jsonlArticleSchema } from "@/lib/domain/import-jsonl";
import { BULK_KINDS } from "@/lib/server/bulk-import";
import { HTTP_URL_MESSAGE, isHttpUrl, updateArticleSchema } from "@/lib/validation/articles";
import { MAX_PASSAGE_CHARS, updatePassageTextSchema } from "@/lib/validation/passages";
import { dbInt, dbIntQuery, versionSchema } from "@/lib/validation/numbers";
import {
  bulkApproveSchema,
  changesASetting,
  requireRejectReason,
  reviewDecisionFields,
  reviewQueueSchema,
  reviewSettingsFields,
  SETTINGS_NEEDED,
  submitClaimsSchema,
} from "@/lib/validation/review";
import {
  changePasswordSchema,
  claimTypeSchema,
  createAnnotationSchema,
  createEntitySchema,
  ENTITY_KINDS,
  importArticleSchema,
  memberSchema,
  MODALITIES,
  SOURCE_KINDS,
  updateAnnotationSchema,
} from "@/lib/validation/schemas";

// Request bodies: the UI's own schemas (lib/validation), made strict so an unknown field is a 422
// naming it. `fromPath` fills schema keys from path parameters before validation.

const id = z.string().uuid();
export { ANNOTATION_STATUSES };

export const bodies = {
  changePassword: { schema: changePasswordSchema.strict() },
  createToken: { schema: createApiTokenSchema.extend({ workspaceId: z.string().uuid("workspaceId must be an id") }).strict() },
  /** A metadata field left out is detected from the text, as the import preview does; null means "none". */
  importArticle: { schema: jsonlArticleSchema },
  updateArticle: { schema: updateArticleSchema.strict(), fromPath: { id: "id" } },
  confirmAnchor: { schema: z.object({ id, version: versionSchema }).strict(), fromPath: { id: "id" } },
  remarkAnnotation: {
    schema: z
      .object({
        id,
        version: versionSchema,
        start: dbInt("start", 0).describe("Code points into the passage's NFC text"),
        end: dbInt("end", 1),
        exact: z.string().max(20_000).optional().describe("When given, must equal the text at start–end"),
      })
      .strict(),
    fromPath: { id: "id" },
  },
  sameValues: { schema: sameValuesSchema.strict(), fromPath: { propositionId: "id" } },
  updateSource: { schema: updateSourceSchema.strict(), fromPath: { id: "id" } },
  createSource: { schema: createSourceSchema.strict() },
  /** A shortcut left out is none. */
  createClaimType: {
    schema: claimTypeSchema
      .omit({ id: true })
      .extend({ shortcut: claimTypeSchema.shape.shortcut.default(null).describe("Key 1–9 in the reader, or null") })
      .strict(),
  },
  /** Partial: fields left out keep their value. */
  updateClaimType: { schema: claimTypeSchema.partial().required({ id: true }).strict(), fromPath: { id: "id" } },
  addMember: { schema: memberSchema.strict() },
  updateMember: { schema: memberSchema.pick({ role: true }).strict() },
  createInvitation: { schema: createInvitationSchema.strict() },
  acceptInvitation: { schema: z.object({ token: invitationTokenSchema }).strict() },
  heartbeat: { schema: heartbeatSchema.strict() },
  previewImport: { schema: importArticleSchema.pick({ text: true, fileName: true }).strict() },
  previewUrl: {
    schema: z
      .object({
        url: z
          .string()
          .trim()
          .min(1, "Enter the page's address")
          .max(2000, "A URL can be at most 2,000 characters")
          .refine(isHttpUrl, HTTP_URL_MESSAGE)
          .describe("A public http(s) page; fetched by the server (10 s, 5 MB)"),
      })
      .strict(),
  },
  /** `expectedText` is required here: an API client always says which text it corrected. */
  correctPassage: {
    schema: updatePassageTextSchema
      .extend({
        expectedText: z
          .string("Send expectedText: the paragraph's text as you read it")
          .max(MAX_PASSAGE_CHARS * 4)
          .describe("The paragraph's text as read (GET the article); a stale one is a 409 with details.currentText"),
      })
      .strict(),
    fromPath: { passageId: "id" },
  },
  createAnnotation: {
    schema: createAnnotationSchema
      .extend({
        sessionId: createAnnotationSchema.shape.sessionId.describe(
          "The annotation session the claim is made in (you must be one of its annotators, the article one of its articles). Left out: the one running session that assigns you this article, if exactly one does (several are a 422 on sessionId); null: none",
        ),
      })
      .strict(),
  },
  /** Partial: fields left out keep their value; `version` is the one the edit started from. */
  updateAnnotation: { schema: updateAnnotationSchema.omit({ id: true }).partial().required({ version: true }).strict() },
  createProposition: { schema: newPropositionSchema.strict() },
  /** Partial: fields left out keep their value. */
  updateProposition: { schema: updatePropositionSchema.omit({ id: true }).partial().strict() },
  mergePropositions: { schema: mergePropositionsSchema.strict(), fromPath: { targetId: "id" } },
  linkMention: { schema: linkMentionSchema.strict(), fromPath: { propositionId: "id", annotationId: "annotationId" } },
  createEntity: { schema: createEntitySchema.strict() },
  updateEntity: { schema: updateEntitySchema.strict(), fromPath: { id: "id" } },
  addAlias: { schema: addAliasSchema.strict(), fromPath: { entityId: "id" } },
  mergeEntities: { schema: mergeEntitiesSchema.strict(), fromPath: { targetId: "id" } },
  submitClaims: { schema: submitClaimsSchema.strict() },
  /** A rejection without a reason is a 422 on `reason`. */
  reviewClaim: { schema: reviewDecisionFields.strict().superRefine(requireRejectReason), fromPath: { id: "id" } },
  bulkApprove: { schema: bulkApproveSchema.strict() },
  updateReviewSettings: { schema: reviewSettingsFields.strict().refine(changesASetting, SETTINGS_NEEDED) },
  createComment: { schema: createCommentSchema.strict() },
  replyComment: { schema: replyCommentSchema.strict(), fromPath: { threadId: "id" } },
  updateComment: { schema: updateCommentSchema.strict(), fromPath: { id: "id" } },
  resolveThread: { schema: resolveThreadSchema.strict(), fromPath: { id: "id" } },
  revertAnnotation: { schema: revertAnnotationSchema.strict(), fromPath: { id: "id" } },
  markInboxRead: { schema: markReadSchema },
} satisfies Record<string, BodySpec>;

// Query strings. Lists share ?cursor=&limit=; filters mirror the UI's.

const q = z.string().trim().max(200, "q can be at most 200 characters").optional();
export const queries = {
  page: pageQuerySchema,
  sources: pageQuerySchema.extend({ q }),
  articles: pageQuerySchema.extend({ q }),
  annotations: pageQuerySchema.extend({
    articleId: id.optional(),
    claimTypeId: id.optional(),
    status: z.enum(ANNOTATION_STATUSES).optional(),
    sessionId: id.optional().describe("Claims made in this annotation session"),
  }),
  propositions: pageQuerySchema.extend({ claimTypeId: id.optional(), q }),
  entities: pageQuerySchema.extend({ q, kind: z.enum(ENTITY_KINDS).optional() }),
  /** The comparison page's own filter; unknown values fall back to "no filter", as in the UI. */
  comparison: matrixFilterSchema,
  cellQuotes: cellQuotesQuerySchema,
  search: z.object({
    q: z.string().describe("At least 2 characters; matched ignoring case and diacritics"),
    kinds: z.string().optional().describe("Comma-separated: passage, claim, proposition, entity, source"),
    limit: z.coerce.number().int().min(1).max(50).optional().describe("Results per kind (default 10)"),
  }),
  deleteAnnotation: z.object({ version: dbIntQuery("version", 1).describe("The version the delete is based on") }),
  tokens: z.object({ workspaceId: z.string().uuid("workspaceId must be an id") }),
  leavePresence: z.object({ tabId: tabIdSchema }),
  bulkImport: z.object({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .optional()
      .describe("Named in messages; its extension must fit the Content-Type (default import.jsonl or import.json)"),
    kind: z.enum(BULK_KINDS).default("auto").describe("What the lines are; auto tells articles from claims by their fields"),
  }),
  previewHtml: z.object({ fileName: z.string().trim().min(1).max(255).optional().describe("Named in messages; .html or .htm (default page.html)") }),
  /** What the export route parses (parseScope); documented here, not enforced by route(). */
  exports: exportScopeSchema,
  comments: listCommentsSchema,
  history: historyQuerySchema,
  inbox: inboxQuerySchema,
  reviewQueue: reviewQueueSchema,
};

// Responses: what the services return, for the OpenAPI document and the tests that hold the
// API to it. Timestamps are ISO strings once serialised.

const ts = z.iso.datetime();
const ref = z.object({ id, name: z.string() });
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const stance = z.enum(STANCES);

const invitation = z.object({
  id,
  role: z.enum(ROLES),
  status: z.enum(["pending", "used", "revoked", "expired"]),
  expiresAt: ts,
  usedAt: ts.nullable(),
  revokedAt: ts.nullable(),
  createdAt: ts,
  createdBy: ref,
  usedBy: ref.nullable().describe("Who joined with it"),
});

export const responses = {
  passwordChanged: z.object({ signedIn: z.boolean().describe("Whether this browser was signed in again with a new session") }),
  deleted: z.object({ id }),
  workspaces: page(z.object({ id, name: z.string(), slug: z.string(), isDemo: z.boolean(), role: z.enum(ROLES) })),
  source: z.object({
    id,
    name: z.string(),
    kind: z.enum(SOURCE_KINDS),
    country: z.string().nullable(),
    language: z.string().nullable(),
    upstream: ref.nullable(),
    entity: ref.nullable(),
  }),
  article: z.object({
    id,
    title: z.string(),
    publishedAt: z.string().nullable(),
    language: z.string().nullable(),
    publisher: z.string().nullable(),
    origins: z.array(z.string()),
    passages: z.number().int(),
    claims: z.number().int(),
  }),
  imported: z.object({
    id,
    title: z.string(),
    passages: z.number().int(),
    duplicates: z.number().int(),
    warnings: z.array(z.string()).describe("What to fix in the article's details, e.g. no publisher"),
  }),
  annotation: z.object({
    id,
    passageId: id,
    start: z.number().int().describe("Offset in Unicode code points into the passage's NFC text"),
    end: z.number().int(),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    claimTypeId: id,
    modality: z.enum(MODALITIES),
    speakers: z.array(z.object({ type: z.enum(["entity", "source"]), id, name: z.string() })).describe("Who says it, in order; each is an independent origin"),
    actorEntities: z.array(ref).describe("Actors that are entities, in order"),
    actors: z.array(z.string()).describe("Actors named in free text (matched to entity aliases when compared)"),
    fields: z.object({
      date: z.string().optional().describe("As written"),
      dateValue: z.string().optional().describe("Parsed: 2023-09-13, 2023-09, 2023, or --09-13 when the year is unknown"),
      datePrecision: z.enum(["year", "month", "day"]).optional(),
      quantities: z.array(z.object({ value: z.string(), item: z.string().optional() })).optional(),
      item: z.string().optional(),
    }),
    note: z.string().nullable(),
    status: z.enum(ANNOTATION_STATUSES).describe("Review: DRAFT → SUBMITTED → APPROVED or REJECTED"),
    reviewedBy: ref.nullable().describe("Who approved or rejected it"),
    reviewedAt: ts.nullable(),
    reviewReason: z.string().nullable().describe("Why it was rejected (or a note with the approval)"),
    orphaned: z.boolean().describe("A correction removed its words: listed, not counted"),
    needsReview: z.boolean().describe("Re-anchored uncertainly after a correction: not counted until confirmed"),
    anchorReview: z.looseObject({ reason: z.string(), confidence: z.number() }).nullable().describe("The evidence behind needsReview, with the quote before"),
    version: z.number().int(),
    createdAt: ts,
    updatedAt: ts,
    sessionId: id.nullable().describe("The annotation session it was made in"),
    reconciled: z.boolean().describe("One of its session's reconciled claims (accepted in curation), not an annotator's own"),
    author: ref,
    mentions: z.array(z.object({ stance, proposition: z.object({ id, statement: z.string() }) })),
  }),
  proposition: z.object({
    id,
    statement: z.string(),
    claimTypeId: id.nullable(),
    ratingLabel: z.string().nullable().describe("The desk's own rating, e.g. False"),
    ratingValue: z.number().int().nullable(),
    ratingBest: z.number().int().nullable(),
    ratingWorst: z.number().int().nullable(),
    reviewUrl: z.string().nullable().describe("The published fact-check"),
    reviewDate: z.union([ts, z.string()]).nullable(),
    reviewerId: id.nullable(),
    createdAt: ts,
  }),
  mention: z.object({ annotationId: id, propositionId: id, stance }),
  unlinked: z.object({ annotationId: id, propositionId: id }),
  entity: z.object({ id, name: z.string(), kind: z.enum(ENTITY_KINDS) }),
  entityDetail: z.object({
    id,
    name: z.string(),
    kind: z.enum(ENTITY_KINDS),
    speaksFor: ref.nullable().describe("Claims by this entity count as that one's origin"),
  }),
  alias: z.object({ id, alias: z.string(), language: z.string().nullable() }),
  token: z.object({ id, name: z.string(), role: z.enum(ROLES), createdAt: ts, lastUsedAt: ts.nullable(), revokedAt: ts.nullable(), user: ref }),
  claimType: z.object({
    id,
    key: z.string().describe("Stable key (the defaults: visit, denial, gift…)"),
    label: z.string(),
    color: z.string().describe("#rrggbb"),
    shortcut: z.number().int().nullable().describe("Key 1–9 in the reader"),
    position: z.number().int(),
  }),
  member: z.object({ id: id.describe("The user's id"), name: z.string(), email: z.string(), role: z.enum(ROLES) }),
  invitation,
  reviewSettings: z.object({
    countApprovedOnly: z.boolean().describe("Verdicts count only approved claims (else every claim that is not orphaned or waiting after a correction)"),
    allowSelfApproval: z.boolean().describe("A reviewer may approve a claim they wrote"),
  }),
  error: z.object({
    error: z.object({
      code: z.enum([
        "bad_request",
        "unauthorized",
        "forbidden",
        "not_found",
        "method_not_allowed",
        "conflict",
        "too_large",
        "unsupported_media_type",
        "rate_limited",
        "unavailable",
        "validation",
        "internal",
      ]),
      message: z.string().describe("Safe to show to a person"),
      details: z.record(z.string(), z.unknown()).describe('e.g. { fields: { name: "…" } } for validation errors'),
    }),
  }),
};

const verdict = z.looseObject({ kind: z.enum(VERDICT_KINDS), sentence: z.string().describe("The verdict explained in words") });
const origin = z.object({
  key: z.string(),
  label: z.string(),
  via: z.string(),
  path: z.string().describe("How the cited name reaches its origin, e.g. “Dmitry Peskov, for Russia”"),
});
const detailValue = z.object({
  key: z.string().describe("Send two keys to mark values the same"),
  value: z.string(),
  raw: z.array(z.string()),
  origins: z.array(z.string()),
});
const rating = z.object({
  label: z.string().nullable(),
  value: z.number().int().nullable(),
  best: z.number().int().nullable(),
  worst: z.number().int().nullable(),
  url: z.string().nullable(),
  date: z.string().nullable(),
  reviewer: ref.nullable(),
});
const claimTypeTag = z.object({ id, label: z.string(), color: z.string() });

const articleMetadata = z.object({
  id,
  title: z.string(),
  url: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  publisher: ref.nullable(),
  origins: z.array(ref),
  version: z.number().int().describe("Send it back when correcting the metadata"),
});

const parsedArticle = z.object({
  title: z.string(),
  titleFromHeading: z.boolean(),
  publishedAt: z.string().nullable().describe("YYYY-MM-DD"),
  publisher: z.string().nullable(),
  origins: z.array(z.string()),
  byline: z.string().nullable(),
  url: z.string().nullable(),
  language: z.enum(["vi", "en"]).nullable(),
  passages: z.array(z.object({ text: z.string(), isDuplicate: z.boolean(), isCaption: z.boolean() })),
  metadataLines: z.array(z.object({ text: z.string(), kind: z.string() })),
  warnings: z.array(z.string()),
});
const importPreview = z.object({
  fileName: z.string().optional(),
  parsed: parsedArticle.describe("What the import would store; send what you keep to POST …/articles"),
  duplicateOf: z.object({ id, title: z.string() }).nullable().describe("The article already holding this text"),
});
const reanchorOutcome = z.enum(["moved", "fuzzy", "needs_review", "orphaned"]);
const reviewItem = responses.annotation.extend({ article: z.object({ id, title: z.string() }) });

export const composite = {
  sources: page(responses.source.extend({ counts: z.object({ published: z.number().int(), relayedIn: z.number().int(), claimsSpoken: z.number().int() }) })),
  articles: page(responses.article),
  articleDetail: articleMetadata.extend({
    metadataLines: z.array(z.object({ text: z.string(), kind: z.string() })).describe("Provenance lines removed from the body at import, verbatim"),
    passages: z.array(z.object({ id, position: z.number().int(), text: z.string(), isDuplicate: z.boolean(), isCaption: z.boolean() })),
    annotations: z.array(responses.annotation),
  }),
  articleUpdated: articleMetadata.extend({
    redatedClaims: z.number().int().describe("Claims whose year-less date was read again against the new publication date"),
  }),
  annotationWithArticle: responses.annotation.extend({ articleId: id }),
  annotations: page(responses.annotation.extend({ articleId: id })),
  propositions: page(responses.proposition.extend({ updatedAt: ts, claimType: claimTypeTag.nullable(), mentionCount: z.number().int() })),
  propositionDetail: z.object({
    id,
    statement: z.string(),
    createdAt: ts,
    claimType: claimTypeTag.nullable(),
    rating: rating.nullable(),
    sameValues: z.array(z.object({ field: z.string(), keys: z.tuple([z.string(), z.string()]) })),
    countApprovedOnly: z.boolean().describe("The workspace counts approved claims only in verdicts"),
    verdict: verdict.extend({
      detailConflicts: z.array(z.looseObject({ field: z.string(), values: z.array(detailValue) })),
      uncertainDetails: z
        .array(
          z.looseObject({
            field: z.string(),
            values: z.array(detailValue),
            reason: z.string().describe("In English"),
            cause: z.enum(["unreadable", "unnamed_items"]).optional().describe("Why, as a code (absent on verdicts stored before it existed)"),
            unreadable: z.array(z.string()).optional().describe("The values that could not be read (cause unreadable)"),
          }),
        )
        .describe("Values that could not be compared: shown for a person to check"),
    }),
    mentions: z.array(
      z.looseObject({
        stance,
        counted: z.boolean().describe("False for orphaned and needs-review claims, and for unapproved ones when countApprovedOnly"),
        annotation: z.looseObject({ id, exact: z.string() }),
        origins: z.array(origin),
      }),
    ),
  }),
  sameValues: z.object({ propositionId: id, sameValues: z.array(z.object({ field: z.string(), keys: z.tuple([z.string(), z.string()]) })) }),
  likelyDuplicates: z.object({ items: z.array(z.object({ a: ref, b: ref, score: z.number(), reason: z.string() })) }),
  propositionMerged: z.object({ target: responses.proposition, moved: z.number().int() }),
  entities: page(
    responses.entityDetail.extend({ aliases: z.array(responses.alias), counts: z.object({ speakerUses: z.number().int(), sources: z.number().int() }) }),
  ),
  entityUpdated: responses.entityDetail.extend({ addedAlias: z.string().nullable() }),
  aliasAdded: z.object({ alias: responses.alias, alsoAliasOf: z.array(ref), warning: z.string().nullable() }),
  entitiesMerged: z.object({
    id,
    name: z.string(),
    counts: z.object({ aliases: z.number().int(), annotations: z.number().int(), sources: z.number().int() }),
    movedAnnotations: z.number().int(),
    movedSources: z.number().int(),
    movedAliases: z.number().int(),
  }),
  comparison: z.object({
    filter: z.record(z.string(), z.unknown()),
    countApprovedOnly: z.boolean().describe("The workspace counts approved claims only in verdicts"),
    total: z.number().int(),
    page: z.number().int(),
    pageCount: z.number().int(),
    columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.string().optional(), count: z.number().int() })),
    rows: z.array(
      z.object({
        id,
        statement: z.string(),
        rating: rating.nullable(),
        claimType: claimTypeTag.nullable(),
        verdict,
        mentionCount: z.number().int(),
        cells: z
          .record(z.string(), z.object({ stances: z.array(stance), count: z.number().int().describe("Counted mentions in the cell") }))
          .describe("By column key; a silent cell is absent. A cell's quotes: GET /propositions/{id}/quotes?column=<key>"),
      }),
    ),
  }),
  cellQuotes: z.object({
    propositionId: id,
    column: z
      .object({ key: z.string(), label: z.string(), kind: z.string().optional() })
      .nullable()
      .describe("Null when no counted mention sits in the column"),
    count: z.number().int().describe("Counted mentions in the cell"),
    quotes: z
      .array(z.object({ annotationId: id, exact: z.string(), stance, articleId: id, articleTitle: z.string(), publishedAt: z.string().nullable() }))
      .describe(`Oldest first; at most ${QUOTES_PER_CELL}: then the first of each stance and the earliest others (the proposition lists all)`),
  }),
  search: z.object({
    q: z.string(),
    groups: z.array(z.looseObject({ kind: z.string(), total: z.number().int(), exactTotal: z.number().int(), items: z.array(z.looseObject({ id })) })),
  }),
  tokens: z.object({ items: z.array(responses.token) }),
  claimTypes: page(responses.claimType),
  claimTypeDeleted: z.object({ id, propositionsUntyped: z.number().int().describe("Propositions of this type, now without one") }),
  sourceDeleted: z.object({ id, relaysCleared: z.number().int().describe("Sources that relayed it and are now independent") }),
  members: page(responses.member),
  memberRemoved: z.object({ userId: id }),
  invitations: z.object({ items: z.array(responses.invitation) }),
  invitationCreated: responses.invitation.extend({
    token: z.string().describe("The secret (cbi_…). Shown once: only its hash is stored"),
    path: z.string().describe("The link to share, relative to the site: /invite/cbi_…"),
  }),
  invitationAccepted: z.object({
    workspace: z.object({ id, name: z.string(), slug: z.string() }),
    role: z.enum(ROLES).describe("Your role in the workspace now"),
    outcome: z
      .enum(["joined", "promoted", "already_member"])
      .describe("already_member: you had this role or a higher one, which you keep; the link stays unused"),
  }),
  workspaceLeft: z.object({ userId: id, workspaceId: id }),
  presence: z.object({
    items: z.array(
      z.object({
        userId: id,
        name: z.string(),
        initials: z.string(),
        editingAnnotationId: id.nullable().describe("The claim they are editing"),
        you: z.boolean().describe("The caller (any of their tabs)"),
      }),
    ),
  }),
  importPreview,
  htmlPreview: importPreview.extend({ text: z.string().describe("The page's main text, as it would be imported") }),
  bulkImported: z.object({
    fileName: z.string(),
    kind: z.enum(["articles", "claims", "web-annotations"]),
    articles: z.array(z.object({ id, title: z.string(), passages: z.number().int() })),
    claims: z.number().int(),
    reanchored: z.number().int().describe("Claims whose offsets did not match their quote, placed by the quote"),
    createdSpeakers: z.array(z.string()).describe("Speakers a W3C file named that were missing, created"),
  }),
  passageCorrected: z.object({
    changed: z.boolean().describe("False when the text was already this"),
    passage: z.object({ id, articleId: id, position: z.number().int(), text: z.string() }),
    summary: z.object({ kept: z.number().int(), moved: z.number().int(), fuzzy: z.number().int(), needsReview: z.number().int(), orphaned: z.number().int() }),
    changes: z
      .array(
        z.object({
          id,
          outcome: reanchorOutcome,
          before: z.string(),
          after: z.string(),
          reason: z.string().describe("In English, as the audit trail records it"),
          why: z
            .looseObject({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
            .describe(
              "The reason as a message key of `reader.correction.why` with its values, for a client to say in its language; `inner` holds a wrapped reason",
            ),
          confidence: z.number(),
          version: z.number().int(),
        }),
      )
      .describe("Every claim that did not stay exactly where it was, with its quote before and after"),
    annotations: z.array(responses.annotation).describe("Every live claim of the paragraph after the correction"),
  }),
  suggestions: z.object({
    items: z.array(
      z.object({
        id,
        statement: z.string(),
        score: z.number(),
        reasons: z.array(z.string()).describe("Why, in words: same type, shared entities, similar wording, contradiction"),
        stance: stance.describe("The stance to link with (a denial refutes)"),
      }),
    ),
  }),
  tokenCreated: z.object({
    token: z.string().describe("The plain token (cb_…). Shown once: only its hash is stored"),
    id,
    name: z.string(),
    role: z.enum(ROLES),
    createdAt: ts,
  }),
  reviewItem,
  reviewed: z.object({ items: z.array(reviewItem) }),
  reviewQueue: page(reviewItem).extend({
    total: z.number().int().describe("Claims in the chosen status that match the filters"),
    byStatus: z.object({ DRAFT: z.number().int(), SUBMITTED: z.number().int(), APPROVED: z.number().int(), REJECTED: z.number().int() }),
  }),
};

// Comments, history and the inbox.
const comment = z.object({
  id,
  targetType: z.enum(COMMENT_TARGETS),
  targetId: id,
  threadId: id.nullable().describe("The thread's first comment; null on the first comment itself"),
  body: z.string().describe("Plain text (never HTML); empty once deleted"),
  deleted: z.boolean().describe("A deleted first comment stays, empty, while its thread has replies"),
  author: ref,
  mentions: z.array(ref.extend({ email: z.string() })).describe("Members @mentioned in the body"),
  createdAt: ts,
  editedAt: ts.nullable(),
  resolvedAt: ts.nullable().describe("Set on a resolved thread's first comment"),
  resolvedBy: ref.nullable(),
});
const historyEntry = z.object({
  id: z.string().describe("The audit event id: the cursor, and the version handle for …/revert"),
  at: ts,
  who: ref.nullable().describe("null: the member's account was deleted since"),
  action: z.string().describe("The audit action, e.g. annotation.update"),
  summary: z.string().describe("What was done, in words"),
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })).describe("Each field that changed, readable"),
  version: z.number().int().nullable().describe("The claim's version after this event"),
  revertible: z.boolean().describe("POST …/revert with this id restores these details (they differ from the current ones)"),
});
const inboxItem = z.object({
  id,
  kind: z.enum(NOTIFICATION_KINDS),
  actor: ref.nullable().describe("Who commented, mentioned you or reviewed your claim (for a security notice: you)"),
  targetType: z.enum(NOTIFICATION_TARGETS).describe("user: a security notice about your own account (targetId is your user id)"),
  targetId: id,
  commentId: id.nullable(),
  createdAt: ts,
  readAt: ts.nullable(),
  excerpt: z.string().nullable().describe("The comment, or the review's reason"),
  label: z.string().nullable().describe("The claim's quote or the proposition's statement; for a security notice, the address the change came from"),
  articleId: id.nullable().describe("The claim's article, to link to it"),
  status: z.string().nullable().describe("A review outcome (APPROVED or REJECTED), or what a security notice is about (PASSWORD_CHANGED)"),
});

export const discussion = {
  comment,
  threads: page(comment.extend({ replies: z.array(comment).describe("In order; deleted replies are left out") })),
  history: page(historyEntry).extend({
    current: z
      .object({ version: z.number().int(), deleted: z.boolean().describe("Restore it (…/restore) before reverting") })
      .nullable()
      .describe("The claim now (null for propositions)"),
  }),
  inbox: page(inboxItem),
  inboxCount: z.object({ unread: z.number().int() }),
  inboxRead: z.object({ updated: z.number().int().describe("Notifications marked read now"), unread: z.number().int().describe("Still unread") }),
};
