import "server-only";
import { randomUUID } from "node:crypto";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { z } from "zod";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { quoteSelector } from "@/lib/domain/anchoring";
import { foldForMatch } from "@/lib/domain/claim-types";
import { contentHash } from "@/lib/domain/content-hash";
import { formatBytes } from "@/lib/domain/import-decode";
import { charsetOf, checkFetchUrl, describeNetworkError, extractHtmlArticle, htmlArticleText, isPrivateAddress } from "@/lib/domain/import-html";
import {
  decodeBulkFile,
  detectJsonlKind,
  findArticle,
  locateSpan,
  matchClaimType,
  planArticle,
  readClaimLine,
  readJsonLines,
  reportErrors,
  MAX_BULK_BYTES,
  MAX_BULK_LINES,
  type ArticleCandidate,
  type ArticlePlan,
  type BulkError,
  type ClaimDraft,
  type JsonlKind,
} from "@/lib/domain/import-jsonl";
import { readWebAnnotations } from "@/lib/domain/import-w3c";
import { guessSourceKind } from "@/lib/domain/source-kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import { previewImport } from "@/lib/server/articles";
import { AppError } from "@/lib/server/errors";
import { ENTITY_KINDS, SOURCE_KINDS } from "@/lib/validation/schemas";

// One file, one transaction: long enough for 5,000 lines, bounded so a stuck import frees its connection.
const TX_OPTIONS = { timeout: 120_000, maxWait: 10_000 };
// Rows per INSERT, well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 1000;

export const BULK_KINDS = ["auto", "articles", "claims", "web-annotations"] as const;

const bulkInputSchema = z.object({
  fileName: z.string().trim().min(1, "The file has no name").max(255),
  bytes: z.instanceof(Uint8Array),
  kind: z.enum(BULK_KINDS).default("auto"),
});

export type BulkImportResult = {
  fileName: string;
  kind: JsonlKind;
  articles: { id: string; title: string; passages: number }[];
  claims: number;
  /** Claims whose offsets did not match their quote and were placed by the quote instead. */
  reanchored: number;
  /** Speakers named by a W3C file and missing here, created as it said (entity or source). */
  createdSpeakers: string[];
};

/**
 * Imports one bulk file (JSONL articles or claims, W3C Web Annotations) all or nothing: every
 * line is checked against the file and the workspace first; any problem and nothing is written,
 * and the error lists every problem with its line. A valid file is written in one transaction.
 */
export async function bulkImport(userId: string | null, workspaceId: string, input: unknown): Promise<BulkImportResult> {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const { fileName, bytes, kind: requested } = bulkInputSchema.parse(input);
  const lower = fileName.toLowerCase();
  const isJson = lower.endsWith(".json") || lower.endsWith(".jsonld");
  if (!isJson && !lower.endsWith(".jsonl") && !lower.endsWith(".ndjson")) {
    throw new AppError("bad_request", `${fileName}: bulk import takes .jsonl files (articles or claims) or .json/.jsonld W3C Web Annotation files`);
  }
  if (isJson && (requested === "articles" || requested === "claims")) {
    throw new AppError("bad_request", `${fileName}: a .json file is read as W3C Web Annotations; put ${requested} one per line in a .jsonl file`);
  }
  const decoded = decodeBulkFile(fileName, bytes);
  if (!decoded.ok) throw new AppError(bytes.length > MAX_BULK_BYTES ? "too_large" : "bad_request", decoded.error);

  if (isJson || requested === "web-annotations") return importWebAnnotations(actor, fileName, decoded.text);
  const { lines, errors, tooMany } = readJsonLines(decoded.text);
  if (tooMany !== null) throw tooManyLines(fileName, tooMany);
  const kind = requested === "auto" ? lines.map((l) => detectJsonlKind(l.value)).find((k) => k !== null) : requested;
  if (kind === undefined) {
    if (errors.length) throw invalidFile(fileName, errors);
    throw new AppError("bad_request", `${fileName}: cannot tell whether the lines are articles (with "text") or claims (with "passage", "start", "end", "claimType"); choose the kind`);
  }
  if (kind === "web-annotations") return importWebAnnotations(actor, fileName, decoded.text);
  if (kind === "articles") return importArticleLines(actor, fileName, lines, errors);
  const drafts: ClaimDraft[] = [];
  for (const { line, value } of lines) {
    const r = readClaimLine(line, value);
    if (r.ok) drafts.push(r.draft);
    else errors.push(...r.errors);
  }
  return importClaims(actor, fileName, "claims", drafts, errors);
}

async function importWebAnnotations(actor: Actor, fileName: string, text: string) {
  const { drafts, errors, tooMany } = readWebAnnotations(text);
  if (tooMany !== null) throw tooManyLines(fileName, tooMany, "annotations");
  return importClaims(actor, fileName, "web-annotations", drafts, errors);
}

function tooManyLines(fileName: string, count: number, unit = "lines") {
  const n = (x: number) => x.toLocaleString("en");
  return new AppError("too_large", `${fileName} has ${n(count)} ${unit}; the limit is ${n(MAX_BULK_LINES)} per file. Split it into smaller files.`);
}

/** Every problem of a file, as one error: the message counts them, details list them (first 100). */
function invalidFile(fileName: string, errors: BulkError[]) {
  const report = reportErrors(errors);
  const n = errors.length;
  return new AppError("validation", `${fileName}: ${n} problem${n === 1 ? "" : "s"} found, so nothing from this file was imported. Fix ${n === 1 ? "it" : "them"} and import the file again.`, {
    errors: report.errors,
    more: report.more,
  });
}

// Two imports of the same article or speaker at once: the unique index decides; nothing of this file stays.
async function inTransaction<T>(fileName: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await getDb().$transaction(fn, TX_OPTIONS);
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `${fileName}: someone else added some of the same articles or names while this file was importing; nothing was imported. Import the file again to see which lines clash.`);
    }
    throw err;
  }
}

async function createInChunks<T>(rows: T[], create: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await create(rows.slice(i, i + CHUNK));
}

type AuditRow = { workspaceId: string; actorId: string; action: string; entityType: string; entityId: string; after: object };
const auditRow = (actor: Actor, action: string, entityType: string, entityId: string, after: unknown): AuditRow => ({
  workspaceId: actor.workspaceId,
  actorId: actor.userId,
  action,
  entityType,
  entityId,
  after: JSON.parse(JSON.stringify(after)) as object,
});

// ── Articles ─────────────────────────────────────────────────────────────────────────────

type HashedPlan = ArticlePlan & { hash: string };

async function importArticleLines(actor: Actor, fileName: string, lines: { line: number; value: unknown }[], errors: BulkError[]): Promise<BulkImportResult> {
  if (lines.length === 0 && errors.length === 0) throw new AppError("bad_request", `${fileName} contains no articles to import`);
  const plans: HashedPlan[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, value } of lines) {
    const r = planArticle(line, value);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    // The same hash importArticle stores, so duplicates are found across both paths.
    const hash = contentHash(r.plan.parsed.passages.map((p) => p.text));
    const first = firstLineOf.get(hash);
    if (first !== undefined) errors.push({ line, message: `line ${line}: same article text as line ${first}; each article can be imported once` });
    else firstLineOf.set(hash, line);
    plans.push({ ...r.plan, hash });
  }
  return inTransaction(fileName, async (tx) => {
    const existing = plans.length
      ? await tx.article.findMany({ where: { workspaceId: actor.workspaceId, contentHash: { in: [...firstLineOf.keys()] } }, select: { title: true, contentHash: true } })
      : [];
    const titleOf = new Map(existing.map((a) => [a.contentHash, a.title]));
    for (const p of plans) {
      const title = titleOf.get(p.hash);
      if (title !== undefined && firstLineOf.get(p.hash) === p.line) {
        errors.push({ line: p.line, message: `line ${p.line}: this article is already in the workspace as “${title}”; remove the line` });
      }
    }
    if (errors.length) throw invalidFile(fileName, errors);
    const articles = await writeArticles(tx, actor, fileName, plans);
    return { fileName, kind: "articles", articles, claims: 0, reanchored: 0, createdSpeakers: [] };
  });
}

/** Same rows importArticle writes (sources by folded name, passages, origins, audit), in bulk. */
async function writeArticles(tx: Tx, actor: Actor, fileName: string, plans: HashedPlan[]) {
  const workspaceId = actor.workspaceId;
  const sourceNames = new Map<string, string>();
  const originsOf = plans.map((p) => [...new Map(p.input.origins.map((o) => [foldForMatch(o), o])).values()]);
  for (const [i, p] of plans.entries()) {
    for (const name of [p.input.publisher, ...originsOf[i]]) if (name && !sourceNames.has(foldForMatch(name))) sourceNames.set(foldForMatch(name), name);
  }
  const found = sourceNames.size
    ? await tx.source.findMany({ where: { workspaceId, normalizedName: { in: [...sourceNames.keys()] } }, select: { id: true, normalizedName: true } })
    : [];
  const sourceId = new Map(found.map((s) => [s.normalizedName, s.id]));
  const newSources = [...sourceNames]
    .filter(([folded]) => !sourceId.has(folded))
    .map(([normalizedName, name]) => ({ id: randomUUID(), workspaceId, name, normalizedName, kind: guessSourceKind(name) }));
  for (const s of newSources) sourceId.set(s.normalizedName, s.id);

  const audits: AuditRow[] = newSources.map((s) => auditRow(actor, "source.create", "Source", s.id, { id: s.id, name: s.name, kind: s.kind }));
  const articleRows: Prisma.ArticleCreateManyInput[] = [];
  const passageRows: Prisma.PassageCreateManyInput[] = [];
  const originRows: Prisma.ArticleOriginCreateManyInput[] = [];
  const result: BulkImportResult["articles"] = [];
  for (const [i, { input, parsed, hash, line }] of plans.entries()) {
    const id = randomUUID();
    articleRows.push({
      id,
      workspaceId,
      title: input.title,
      url: input.url ?? null,
      byline: input.byline ?? null,
      publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
      language: input.language ?? parsed.language,
      contentHash: hash,
      publisherId: input.publisher ? sourceId.get(foldForMatch(input.publisher))! : null,
      createdById: actor.userId,
    });
    parsed.passages.forEach((p, position) =>
      passageRows.push({ workspaceId, articleId: id, position, text: p.text, searchText: foldForMatch(p.text), isDuplicate: p.isDuplicate }),
    );
    originsOf[i].forEach((name, position) => originRows.push({ workspaceId, articleId: id, sourceId: sourceId.get(foldForMatch(name))!, position }));
    audits.push(
      auditRow(actor, "article.import", "Article", id, {
        title: input.title,
        publisher: input.publisher,
        origins: originsOf[i],
        passages: parsed.passages.length,
        fileName,
        line,
      }),
    );
    result.push({ id, title: input.title, passages: parsed.passages.length });
  }
  audits.push(auditRow(actor, "article.bulk_import", "Workspace", workspaceId, { fileName, articles: result.length }));
  await createInChunks(newSources, (data) => tx.source.createMany({ data }));
  await createInChunks(articleRows, (data) => tx.article.createMany({ data }));
  await createInChunks(passageRows, (data) => tx.passage.createMany({ data }));
  await createInChunks(originRows, (data) => tx.articleOrigin.createMany({ data }));
  await createInChunks(audits, (data) => tx.auditEvent.createMany({ data }));
  return result;
}

// ── Claims (JSONL and W3C) ───────────────────────────────────────────────────────────────

type PassageRow = { id: string; articleId: string; position: number; text: string };

async function importClaims(actor: Actor, fileName: string, kind: JsonlKind, drafts: ClaimDraft[], errors: BulkError[]): Promise<BulkImportResult> {
  if (drafts.length === 0 && errors.length === 0) throw new AppError("bad_request", `${fileName} contains no claims to import`);
  return inTransaction(fileName, async (tx) => {
    const resolved = await resolveClaims(tx, actor, drafts, errors);
    if (errors.length) throw invalidFile(fileName, errors);
    const createdSpeakers = await createSpeakers(tx, actor, resolved);
    const audits: AuditRow[] = [];
    const rows = resolved.map((c) => {
      const id = randomUUID();
      const quote = quoteSelector(c.passage.text, c.start, c.end);
      const speakerEntityId = c.speaker?.kind === "entity" ? c.speaker.id! : null;
      const speakerSourceId = c.speaker?.kind === "source" ? c.speaker.id! : null;
      const row = {
        id,
        workspaceId: actor.workspaceId,
        passageId: c.passage.id,
        start: c.start,
        end: c.end,
        ...quote,
        claimTypeId: c.claimTypeId,
        speakerEntityId,
        speakerSourceId,
        modality: c.draft.modality,
        actors: c.draft.actors,
        fields: c.draft.fields,
        note: c.draft.note ?? null,
        searchText: foldForMatch(`${quote.exact} ${c.draft.note ?? ""}`),
        authorId: actor.userId,
      };
      audits.push(auditRow(actor, "annotation.create", "Annotation", id, { ...row, searchText: undefined, fileName, line: c.draft.line, anchored: c.method }));
      return row;
    });
    audits.push(auditRow(actor, "annotation.bulk_import", "Workspace", actor.workspaceId, { fileName, kind, claims: rows.length }));
    await createInChunks(rows, (data) => tx.annotation.createMany({ data }));
    await createInChunks(audits, (data) => tx.auditEvent.createMany({ data }));
    return { fileName, kind, articles: [], claims: rows.length, reanchored: resolved.filter((c) => c.method !== "exact").length, createdSpeakers };
  });
}

type SpeakerChoice = { kind: "entity" | "source"; id?: string; name: string; create?: boolean; detailKind?: string };
type ResolvedClaim = {
  draft: ClaimDraft;
  passage: PassageRow;
  start: number;
  end: number;
  method: string;
  claimTypeId: string;
  speaker: SpeakerChoice | null;
};

/** Finds article, passage, span, claim type and speaker of every draft; problems go to `errors`. */
async function resolveClaims(tx: Tx, actor: Actor, drafts: ClaimDraft[], errors: BulkError[]): Promise<ResolvedClaim[]> {
  const workspaceId = actor.workspaceId;
  const fail = (d: ClaimDraft, message: string) => errors.push({ line: d.line, message: `${d.where}: ${message}` });
  const uuid = z.string().uuid();
  const ids = new Set<string>(), hashes = new Set<string>(), urls = new Set<string>(), titles = new Set<string>();
  for (const { article: a } of drafts) {
    if (a.id && uuid.safeParse(a.id).success) ids.add(a.id);
    if (a.contentHash) hashes.add(a.contentHash);
    if (a.url) urls.add(a.url);
    if (a.title) titles.add(a.title);
  }
  const or = [
    ids.size ? { id: { in: [...ids] } } : null,
    hashes.size ? { contentHash: { in: [...hashes] } } : null,
    urls.size ? { url: { in: [...urls] } } : null,
    titles.size ? { title: { in: [...titles] } } : null,
  ].filter((c) => c !== null);
  const articles: ArticleCandidate[] = or.length
    ? await tx.article.findMany({ where: { workspaceId, OR: or }, select: { id: true, title: true, url: true, contentHash: true } })
    : [];

  const articleOf = new Map<ClaimDraft, string>();
  const byQuote: ClaimDraft[] = [];
  const needsQuote = new Set<ClaimDraft>();
  for (const d of drafts) {
    const r = findArticle(d, articles);
    if (typeof r === "string") articleOf.set(d, r);
    else if (r.searchQuote) {
      byQuote.push(d);
      needsQuote.add(d);
    }
    else fail(d, r.error);
  }
  const passages = new Map<string, PassageRow>();
  const articleIds = [...new Set(articleOf.values())];
  const rows = articleIds.length
    ? await tx.passage.findMany({ where: { workspaceId, articleId: { in: articleIds } }, select: { id: true, articleId: true, position: true, text: true } })
    : [];
  for (const p of rows) passages.set(`${p.articleId}:${p.position}`, p);
  const countOf = new Map<string, number>();
  for (const p of rows) countOf.set(p.articleId, (countOf.get(p.articleId) ?? 0) + 1);
  const foundByQuote = await findPassagesByQuote(tx, workspaceId, byQuote);

  const types = await tx.claimType.findMany({ where: { workspaceId }, select: { id: true, key: true, label: true } });
  const speakers = await findSpeakers(tx, workspaceId, drafts);
  const existing = await existingClaimKeys(tx, workspaceId, [...passages.values(), ...foundByQuote.values()].map((p) => p.id));
  const seen = new Map<string, string>();

  const out: ResolvedClaim[] = [];
  for (const d of drafts) {
    let passage: PassageRow | undefined;
    if (foundByQuote.has(d)) passage = foundByQuote.get(d);
    else if (needsQuote.has(d)) {
      fail(d, `the article is not in this workspace, and the quote “${shorten(d.exact ?? "")}” was not found in exactly one paragraph here; import the article first`);
      continue;
    } else {
      const articleId = articleOf.get(d);
      if (!articleId) continue;
      passage = passages.get(`${articleId}:${d.passage}`);
      if (!passage) {
        const n = countOf.get(articleId) ?? 0;
        const title = articles.find((a) => a.id === articleId)?.title;
        fail(d, `“${title}” has ${n} paragraph${n === 1 ? "" : "s"} (0–${n - 1}); there is no paragraph ${d.passage}`);
        continue;
      }
    }
    const span = locateSpan(passage!.text, d);
    const type = matchClaimType(types, d.claimType);
    const speaker = d.speaker ? speakers(d.speaker) : null;
    if (!span.ok) fail(d, span.reason);
    if (!type) fail(d, `claim type “${d.claimType}” is not in this workspace (it has: ${types.map((t) => t.label).join(", ")})`);
    if (speaker && "error" in speaker) fail(d, speaker.error);
    if (!span.ok || !type || (speaker && "error" in speaker)) continue;
    const who = speaker as SpeakerChoice | null;
    const key = [passage!.id, span.start, span.end, type.id, who ? `${who.kind}:${who.id ?? foldForMatch(who.name)}` : "-", d.modality].join("|");
    if (existing.has(key)) fail(d, `this claim (${type.label}, ${d.modality.toLowerCase()}, “${shorten(sliceQuote(passage!.text, span.start, span.end))}”) is already in the workspace; remove it from the file`);
    else if (seen.has(key)) fail(d, `same claim as ${seen.get(key)}`);
    else {
      seen.set(key, d.where);
      out.push({ draft: d, passage: passage!, start: span.start, end: span.end, method: span.method, claimTypeId: type.id, speaker: who });
    }
  }
  return out;
}

function shorten(s: string, max = 60) {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}
const sliceQuote = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

/** For drafts with no known article: the one paragraph containing prefix+quote+suffix (else the quote), one query per pass. */
async function findPassagesByQuote(tx: Tx, workspaceId: string, drafts: ClaimDraft[]): Promise<Map<ClaimDraft, PassageRow>> {
  const found = new Map<ClaimDraft, PassageRow>();
  const passes: ((d: ClaimDraft) => string)[] = [(d) => `${d.prefix ?? ""}${d.exact}${d.suffix ?? ""}`, (d) => d.exact!];
  let pending = drafts;
  for (const needleOf of passes) {
    if (pending.length === 0) break;
    const needles = pending.map(needleOf);
    const hits = await tx.$queryRaw<(PassageRow & { i: number })[]>`
      SELECT q.i::int AS i, p.id::text AS id, p."articleId"::text AS "articleId", p.position, p.text
      FROM unnest(${needles}::text[]) WITH ORDINALITY AS q(needle, i)
      JOIN "Passage" p ON p."workspaceId" = ${workspaceId}::uuid AND strpos(p.text, q.needle) > 0`;
    const byDraft = new Map<number, PassageRow[]>();
    for (const h of hits) byDraft.set(h.i - 1, [...(byDraft.get(h.i - 1) ?? []), h]);
    const next: ClaimDraft[] = [];
    pending.forEach((d, i) => {
      let matches = byDraft.get(i) ?? [];
      if (matches.length > 1 && d.passage !== null) matches = matches.filter((m) => m.position === d.passage);
      if (matches.length === 1) found.set(d, matches[0]);
      else if (matches.length === 0) next.push(d);
    });
    pending = next;
  }
  return found;
}

type SpeakerLookup = (s: NonNullable<ClaimDraft["speaker"]>) => SpeakerChoice | { error: string };

/** Speakers by entity name or alias, or source name (ignoring case and diacritics); two queries. */
async function findSpeakers(tx: Tx, workspaceId: string, drafts: ClaimDraft[]): Promise<SpeakerLookup> {
  const names = [...new Set(drafts.flatMap((d) => (d.speaker ? [foldForMatch(d.speaker.name)] : [])))];
  if (names.length === 0) return () => ({ error: "no speaker" });
  const [aliases, sources] = await Promise.all([
    tx.entityAlias.findMany({ where: { workspaceId, normalizedAlias: { in: names } }, select: { normalizedAlias: true, entity: { select: { id: true, name: true } } } }),
    tx.source.findMany({ where: { workspaceId, normalizedName: { in: names } }, select: { id: true, name: true, normalizedName: true } }),
  ]);
  return (s) => {
    const folded = foldForMatch(s.name);
    const entities = [...new Map(aliases.filter((a) => a.normalizedAlias === folded).map((a) => [a.entity.id, a.entity])).values()];
    const source = sources.find((x) => x.normalizedName === folded);
    if (s.kind !== "source" && entities.length === 1) return { kind: "entity", id: entities[0].id, name: entities[0].name };
    if (s.kind !== "source" && entities.length > 1) {
      return { error: `speaker “${s.name}” is a name of ${entities.length} entities (${entities.map((e) => e.name).join(", ")}); merge them or rename one` };
    }
    if (s.kind !== "entity" && source) return { kind: "source", id: source.id, name: source.name };
    if (s.kind) return { kind: s.kind, name: s.name, create: true, detailKind: s.detailKind };
    return { error: `speaker “${s.name}” is neither an entity nor a source in this workspace; add it on the Entities page first, or leave speaker out` };
  };
}

/** Creates the speakers a W3C file names by kind but this workspace lacks; fills in their ids. */
async function createSpeakers(tx: Tx, actor: Actor, claims: ResolvedClaim[]): Promise<string[]> {
  const wanted = new Map<string, SpeakerChoice>();
  for (const c of claims) if (c.speaker?.create) wanted.set(`${c.speaker.kind}:${foldForMatch(c.speaker.name)}`, c.speaker);
  const workspaceId = actor.workspaceId;
  const idOf = new Map<string, string>();
  const audits: AuditRow[] = [];
  for (const [key, s] of wanted) {
    const id = randomUUID();
    idOf.set(key, id);
    if (s.kind === "entity") {
      const kind = ENTITY_KINDS.find((k) => k === s.detailKind) ?? "OTHER";
      await tx.entity.create({ data: { id, workspaceId, name: s.name, kind } });
      await tx.entityAlias.create({ data: { workspaceId, entityId: id, alias: s.name, normalizedAlias: foldForMatch(s.name) } });
      audits.push(auditRow(actor, "entity.create", "Entity", id, { id, name: s.name, kind }));
    } else {
      const kind = SOURCE_KINDS.find((k) => k === s.detailKind) ?? guessSourceKind(s.name);
      await tx.source.create({ data: { id, workspaceId, name: s.name, normalizedName: foldForMatch(s.name), kind } });
      audits.push(auditRow(actor, "source.create", "Source", id, { id, name: s.name, kind }));
    }
  }
  if (audits.length) await tx.auditEvent.createMany({ data: audits });
  for (const c of claims) if (c.speaker?.create) c.speaker = { ...c.speaker, id: idOf.get(`${c.speaker.kind}:${foldForMatch(c.speaker.name)}`) };
  return [...wanted.values()].map((s) => `${s.name} (${s.kind})`);
}

async function existingClaimKeys(tx: Tx, workspaceId: string, passageIds: string[]): Promise<Set<string>> {
  if (passageIds.length === 0) return new Set();
  const rows = await tx.annotation.findMany({
    where: { workspaceId, deletedAt: null, passageId: { in: [...new Set(passageIds)] } },
    select: { passageId: true, start: true, end: true, claimTypeId: true, speakerEntityId: true, speakerSourceId: true, modality: true },
  });
  return new Set(
    rows.map((r) =>
      [r.passageId, r.start, r.end, r.claimTypeId, r.speakerEntityId ? `entity:${r.speakerEntityId}` : r.speakerSourceId ? `source:${r.speakerSourceId}` : "-", r.modality].join("|"),
    ),
  );
}

// ── HTML pages → the import wizard's preview ───────────────────────────────────────────

const htmlInputSchema = z.object({ fileName: z.string().trim().min(1).max(255), bytes: z.instanceof(Uint8Array) });

export type HtmlPreview = Awaited<ReturnType<typeof previewImport>> & { text: string };

/** A saved .html/.htm page → the same preview previewImport gives, plus the text to import. */
export async function previewHtmlImport(userId: string | null, workspaceId: string, input: unknown): Promise<HtmlPreview> {
  await requireMember(userId, workspaceId, "EDITOR");
  const { fileName, bytes } = htmlInputSchema.parse(input);
  if (!/\.html?$/i.test(fileName)) throw new AppError("bad_request", `${fileName}: only .html and .htm pages can be read here`);
  if (bytes.length > MAX_BULK_BYTES) throw new AppError("too_large", `${fileName} is ${formatBytes(bytes.length, true)}; the limit is ${formatBytes(MAX_BULK_BYTES)}`);
  if (bytes.length === 0) throw new AppError("bad_request", `${fileName} is empty`);
  return previewPage(userId, workspaceId, new TextDecoder(charsetOf("", bytes.subarray(0, 2048))).decode(bytes), fileName);
}

/** Fetches a public web page (http/https, 10 s, 5 MB) and previews it like an uploaded page. */
export async function previewUrlImport(userId: string | null, workspaceId: string, input: unknown): Promise<HtmlPreview> {
  await requireMember(userId, workspaceId, "EDITOR");
  const { url: raw } = z.object({ url: z.string().trim().min(1, "Enter the page's address").max(2000) }).parse(input);
  const checked = checkFetchUrl(raw);
  if (!checked.ok) throw new AppError("bad_request", checked.error, { fields: { url: checked.error } });
  const page = await fetchPage(checked.url);
  const label = `${page.url.hostname}${page.url.pathname}`.slice(0, 255);
  return previewPage(userId, workspaceId, page.html, label, page.url.href);
}

async function previewPage(userId: string | null, workspaceId: string, html: string, fileName: string, pageUrl?: string): Promise<HtmlPreview> {
  const article = extractHtmlArticle(html, pageUrl);
  if (article.paragraphs.length === 0) throw new AppError("bad_request", `${fileName}: no article text found on this page`);
  const text = htmlArticleText(article);
  const preview = await previewImport(userId, workspaceId, { text, fileName });
  const p = preview.parsed;
  return {
    ...preview,
    text,
    // What the page declares beats what the text suggests; the editor confirms either way.
    parsed: {
      ...p,
      title: article.title ?? p.title,
      publishedAt: article.publishedAt ?? p.publishedAt,
      publisher: article.publisher ?? p.publisher,
      byline: article.byline ?? p.byline,
      url: article.url ?? p.url,
      language: article.language ?? p.language,
    },
  };
}

// ── Fetching a page ──────────────────────────────────────────────────────────────────────

export type FetchOptions = { timeoutMs?: number; maxBytes?: number; maxRedirects?: number; allowPrivateHosts?: boolean };

class Unreachable extends Error {}

// Checked at connect time, on the address actually used, so DNS cannot swap in a private one later.
function publicOnlyLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new Unreachable(`${hostname} is a local or private address (${bad.address}); only public web pages can be imported`), "", 0);
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  };
}

function reason(err: unknown, timeoutMs: number): string {
  if (err instanceof Unreachable) return err.message;
  return describeNetworkError((err as { code?: string }).code, timeoutMs) ?? ((err as Error).message || "unknown network error");
}

type Hop = { redirect: string } | { html: string };

function getOnce(url: URL, deadline: number, o: Required<FetchOptions>): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" }));
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: "GET", lookup: publicOnlyLookup(o.allowPrivateHosts), headers: { "user-agent": "Claimboard-import/1.0", accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ redirect: res.headers.location });
        }
        if (status >= 400) {
          res.resume();
          return reject(new Unreachable(`the server answered ${status} ${res.statusMessage ?? ""}`.trim()));
        }
        const type = String(res.headers["content-type"] ?? "");
        if (type && !/html|xml/i.test(type)) {
          res.resume();
          return reject(new Unreachable(`it is ${type.split(";")[0]}, not a web page`));
        }
        const tooBig = () => new Unreachable(`the page is larger than ${formatBytes(o.maxBytes)}`);
        if (Number(res.headers["content-length"] ?? 0) > o.maxBytes) {
          res.destroy();
          return reject(tooBig());
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) {
            res.destroy();
            reject(tooBig());
          } else chunks.push(chunk);
        });
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ html: new TextDecoder(charsetOf(type, body.subarray(0, 2048))).decode(body) });
        });
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })), remaining);
    request.on("close", () => clearTimeout(timer));
    request.on("error", reject);
    request.end();
  });
}

/**
 * GETs an http(s) page: ≤ timeoutMs overall (10 s), ≤ maxBytes (5 MB), up to 5 redirects, every
 * hop checked against private and loopback addresses. Failures are "Could not reach <url>: …".
 */
export async function fetchPage(start: URL, options: FetchOptions = {}): Promise<{ url: URL; html: string }> {
  const o: Required<FetchOptions> = { timeoutMs: 10_000, maxBytes: MAX_BULK_BYTES, maxRedirects: 5, allowPrivateHosts: false, ...options };
  const deadline = Date.now() + o.timeoutMs;
  let url = start;
  for (let hop = 0; ; hop++) {
    let result: Hop;
    try {
      result = await getOnce(url, deadline, o);
    } catch (err) {
      throw new AppError("bad_request", `Could not reach ${url.href}: ${reason(err, o.timeoutMs)}`, { fields: { url: reason(err, o.timeoutMs) } });
    }
    if ("html" in result) return { url, html: result.html };
    if (hop >= o.maxRedirects) throw new AppError("bad_request", `Could not reach ${start.href}: more than ${o.maxRedirects} redirects`);
    const next = new URL(result.redirect, url);
    const checked = o.allowPrivateHosts && /^https?:$/.test(next.protocol) ? { ok: true as const, url: next } : checkFetchUrl(next.href);
    if (!checked.ok) throw new AppError("bad_request", `Could not reach ${start.href}: it redirects to ${next.href}, which cannot be imported (${checked.error})`);
    url = checked.url;
  }
}
