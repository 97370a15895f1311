import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import type { BodySpec } from "@/lib/api/http";
import { pageQuerySchema } from "@/lib/api/pagination";
import { createApiTokenSchema } from "@/lib/api/token-schema";
import { addAliasSchema, mergeEntitiesSchema, updateEntitySchema, updateSourceSchema } from "@/lib/validation/entities";
import { exportScopeSchema } from "@/lib/validation/exports";
import {
  linkMentionSchema,
  matrixFilterSchema,
  mergePropositionsSchema,
  newPropositionSchema,
  STANCES,
  updatePropositionSchema,
  VERDICT_KINDS,
} from "@/lib/validation/propositions";
import {
  createAnnotationSchema,
  createEntitySchema,
  ENTITY_KINDS,
  importArticleSchema,
  MODALITIES,
  SOURCE_KINDS,
  updateAnnotationSchema,
} from "@/lib/validation/schemas";

// Request bodies: the UI's own schemas (lib/validation), made strict so an unknown field is a 422
// naming it. `fromPath` fills schema keys from path parameters before validation.

const id = z.string().uuid();
export const ANNOTATION_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"] as const;

export const bodies = {
  createToken: { schema: createApiTokenSchema.extend({ workspaceId: z.string().uuid("workspaceId must be an id") }).strict() },
  importArticle: { schema: importArticleSchema.strict() },
  updateSource: { schema: updateSourceSchema.strict(), fromPath: { id: "id" } },
  createAnnotation: { schema: createAnnotationSchema.strict() },
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
  }),
  propositions: pageQuerySchema.extend({ claimTypeId: id.optional(), q }),
  entities: pageQuerySchema.extend({ q, kind: z.enum(ENTITY_KINDS).optional() }),
  /** The comparison page's own filter; unknown values fall back to "no filter", as in the UI. */
  comparison: matrixFilterSchema,
  search: z.object({
    q: z.string().describe("At least 2 characters; matched ignoring case and diacritics"),
    kinds: z.string().optional().describe("Comma-separated: passage, claim, proposition, entity, source"),
    limit: z.coerce.number().int().min(1).max(50).optional().describe("Results per kind (default 10)"),
  }),
  deleteAnnotation: z.object({ version: z.coerce.number("must be a number").int().min(1).describe("The version the delete is based on") }),
  tokens: z.object({ workspaceId: z.string().uuid("workspaceId must be an id") }),
  /** What the export route parses (parseScope); documented here, not enforced by route(). */
  exports: exportScopeSchema,
};

// Responses: what the services return, for the OpenAPI document and the tests that hold the
// API to it. Timestamps are ISO strings once serialised.

const ts = z.iso.datetime();
const ref = z.object({ id, name: z.string() });
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const stance = z.enum(STANCES);

export const responses = {
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
  imported: z.object({ id, title: z.string(), passages: z.number().int(), duplicates: z.number().int() }),
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
    actors: z.array(z.string()),
    fields: z.object({ date: z.string().optional(), quantity: z.string().optional(), item: z.string().optional() }),
    note: z.string().nullable(),
    status: z.enum(ANNOTATION_STATUSES),
    orphaned: z.boolean(),
    version: z.number().int(),
    createdAt: ts,
    updatedAt: ts,
    speakerEntity: ref.nullable(),
    speakerSource: ref.nullable(),
    author: ref,
    mentions: z.array(z.object({ stance, proposition: z.object({ id, statement: z.string() }) })),
  }),
  proposition: z.object({ id, statement: z.string(), claimTypeId: id.nullable(), verdict: z.string().nullable().describe("The desk's own rating"), createdAt: ts }),
  mention: z.object({ annotationId: id, propositionId: id, stance }),
  unlinked: z.object({ annotationId: id, propositionId: id }),
  entity: z.object({ id, name: z.string(), kind: z.enum(ENTITY_KINDS) }),
  alias: z.object({ id, alias: z.string(), language: z.string().nullable() }),
  token: z.object({ id, name: z.string(), role: z.enum(ROLES), createdAt: ts, lastUsedAt: ts.nullable(), revokedAt: ts.nullable(), user: ref }),
  error: z.object({
    error: z.object({
      code: z.enum(["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "too_large", "rate_limited", "validation", "internal"]),
      message: z.string().describe("Safe to show to a person"),
      details: z.record(z.string(), z.unknown()).describe("e.g. { fields: { name: \"…\" } } for validation errors"),
    }),
  }),
};

const verdict = z.looseObject({ kind: z.enum(VERDICT_KINDS), sentence: z.string().describe("The verdict explained in words") });
const claimTypeTag = z.object({ id, label: z.string(), color: z.string() });

export const composite = {
  sources: page(responses.source.extend({ counts: z.object({ published: z.number().int(), relayedIn: z.number().int(), claimsSpoken: z.number().int() }) })),
  articles: page(responses.article),
  articleDetail: z.object({
    id,
    title: z.string(),
    url: z.string().nullable(),
    byline: z.string().nullable(),
    publishedAt: z.string().nullable(),
    language: z.string().nullable(),
    publisher: ref.nullable(),
    origins: z.array(ref),
    passages: z.array(z.object({ id, position: z.number().int(), text: z.string(), isDuplicate: z.boolean() })),
    annotations: z.array(responses.annotation),
  }),
  annotationWithArticle: responses.annotation.extend({ articleId: id }),
  annotations: page(responses.annotation.extend({ articleId: id })),
  propositions: page(responses.proposition.extend({ updatedAt: ts, claimType: claimTypeTag.nullable(), mentionCount: z.number().int() })),
  propositionDetail: z.object({
    id,
    statement: z.string(),
    createdAt: ts,
    claimType: claimTypeTag.nullable(),
    verdict: verdict.extend({ rating: z.string().nullable() }),
    mentions: z.array(z.looseObject({ stance, annotation: z.looseObject({ id, exact: z.string() }), origin: z.object({ key: z.string(), label: z.string(), via: z.string() }) })),
  }),
  propositionMerged: z.object({ target: responses.proposition, moved: z.number().int() }),
  entities: page(responses.entity.extend({ aliases: z.array(responses.alias), counts: z.object({ speakerUses: z.number().int(), sources: z.number().int() }) })),
  entityUpdated: responses.entity.extend({ addedAlias: z.string().nullable() }),
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
    total: z.number().int(),
    page: z.number().int(),
    pageCount: z.number().int(),
    columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.string().optional(), count: z.number().int() })),
    rows: z.array(
      z.object({
        id,
        statement: z.string(),
        rating: z.string().nullable(),
        claimType: claimTypeTag.nullable(),
        verdict,
        mentionCount: z.number().int(),
        cells: z.record(z.string(), z.object({ stances: z.array(stance), quotes: z.array(z.looseObject({ annotationId: id, exact: z.string(), stance })) })),
      }),
    ),
  }),
  search: z.object({
    q: z.string(),
    groups: z.array(z.looseObject({ kind: z.string(), total: z.number().int(), exactTotal: z.number().int(), items: z.array(z.looseObject({ id })) })),
  }),
  tokens: z.object({ items: z.array(responses.token) }),
  tokenCreated: z.object({
    token: z.string().describe("The plain token (cb_…). Shown once: only its hash is stored"),
    id,
    name: z.string(),
    role: z.enum(ROLES),
    createdAt: ts,
  }),
};
