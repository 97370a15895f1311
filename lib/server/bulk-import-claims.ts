import "server-only";
import { emit } from "@/lib/server/events";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import type { Tx } from "@/lib/db/client";
import { quoteSelector } from "@/lib/domain/anchoring";
import { foldForMatch } from "@/lib/domain/claim-types";
import { findArticle, locateSpan, matchClaimType, type ArticleCandidate, type BulkError, type ClaimDraft, type JsonlKind } from "@/lib/domain/import-jsonl";
import { guessSourceKind } from "@/lib/domain/source-kinds";
import { auditRow, createInChunks, inTransaction, invalidFile, type AuditRow, type BulkImportResult } from "@/lib/server/bulk-import-write";
import { parseFields } from "@/lib/server/annotations";
import { AppError } from "@/lib/server/errors";
import { getOrCreateEntities, getOrCreateSources } from "@/lib/server/get-or-create";
import { ENTITY_KINDS, SOURCE_KINDS } from "@/lib/validation/schemas";
import { groupBy } from "@/lib/domain/group-by";

// Claim drafts of a bulk file (JSONL or W3C): resolved against the workspace, then written in one transaction.

type PassageRow = { id: string; articleId: string; position: number; text: string };

export async function importClaims(actor: Actor, fileName: string, kind: JsonlKind, drafts: ClaimDraft[], errors: BulkError[]): Promise<BulkImportResult> {
  assertCan(actor, "claims.write");
  if (drafts.length === 0 && errors.length === 0) throw new AppError("bad_request", `${fileName} contains no claims to import`);
  return inTransaction(fileName, async (tx) => {
    const resolved = await resolveClaims(tx, actor, drafts, errors);
    if (errors.length) throw invalidFile(fileName, errors);
    const createdSpeakers = await createSpeakers(tx, actor, resolved);
    const audits: AuditRow[] = [];
    const speakerRows: { workspaceId: string; annotationId: string; position: number; entityId: string | null; sourceId: string | null }[] = [];
    const actorRows: { workspaceId: string; annotationId: string; entityId: string; position: number }[] = [];
    const workspaceId = actor.workspaceId;
    const rows = resolved.map((c) => {
      const id = randomUUID();
      const orphaned = c.method === "orphaned";
      const quote = orphaned
        ? { exact: c.draft.exact!, prefix: c.draft.prefix ?? "", suffix: c.draft.suffix ?? "" }
        : quoteSelector(c.passage.text, c.start, c.end);
      for (const [position, s] of c.speakers.entries()) {
        speakerRows.push({
          workspaceId,
          annotationId: id,
          position,
          entityId: s.kind === "entity" ? s.id! : null,
          sourceId: s.kind === "source" ? s.id! : null,
        });
      }
      for (const [position, e] of c.actorEntities.entries()) actorRows.push({ workspaceId, annotationId: id, entityId: e.id, position });
      const row = {
        id,
        workspaceId,
        passageId: c.passage.id,
        start: c.start,
        end: c.end,
        ...quote,
        claimTypeId: c.claimTypeId,
        modality: c.draft.modality,
        actors: c.freeActors,
        fields: c.fields,
        note: c.draft.note ?? null,
        searchText: foldForMatch(`${quote.exact} ${c.draft.note ?? ""}`),
        orphaned,
        needsReview: !orphaned && c.draft.needsReview === true,
        authorId: actor.userId,
      };
      const speakers = c.speakers.map((s) => ({ type: s.kind, id: s.id, name: s.name }));
      audits.push(
        auditRow(actor, "annotation.create", "Annotation", id, {
          ...row,
          searchText: undefined,
          speakers,
          actorEntities: c.actorEntities,
          fileName,
          line: c.draft.line,
          anchored: c.method,
        }),
      );
      return row;
    });
    audits.push(auditRow(actor, "annotation.bulk_import", "Workspace", actor.workspaceId, { fileName, kind, claims: rows.length }));
    await createInChunks(rows, (data) => tx.annotation.createMany({ data }));
    await createInChunks(speakerRows, (data) => tx.annotationSpeaker.createMany({ data }));
    await createInChunks(actorRows, (data) => tx.annotationActor.createMany({ data }));
    await createInChunks(audits, (data) => tx.auditEvent.createMany({ data }));
    const articleIds = [...new Set(resolved.map((c) => c.passage.articleId))];
    await emit(tx, actor, {
      kind: "annotation.imported",
      entityType: "Workspace",
      entityId: actor.workspaceId,
      articleId: articleIds.length === 1 ? articleIds[0] : null,
      data: { claims: rows.length, articleIds },
    });
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
  speakers: SpeakerChoice[];
  actorEntities: { id: string; name: string }[];
  freeActors: string[];
  fields: ReturnType<typeof parseFields>;
};

/** Finds article, passage, span, claim type and speaker of every draft; problems go to `errors`. */
async function resolveClaims(tx: Tx, actor: Actor, drafts: ClaimDraft[], errors: BulkError[]): Promise<ResolvedClaim[]> {
  const workspaceId = actor.workspaceId;
  const fail = (d: ClaimDraft, message: string) => errors.push({ line: d.line, message: `${d.where}: ${message}` });
  const uuid = z.string().uuid();
  const ids = new Set<string>(),
    hashes = new Set<string>(),
    urls = new Set<string>(),
    titles = new Set<string>();
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
    } else fail(d, r.error);
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
  const actorEntity = await findActorEntities(tx, workspaceId, drafts);
  const articleDates = await articleDatesOf(
    tx,
    workspaceId,
    [...passages.values(), ...foundByQuote.values()].map((p) => p.articleId),
  );
  const targets = [...passages.values(), ...foundByQuote.values()];
  // Two uploads of one file at once: the second waits here until the first commits, then sees its claims.
  await lockArticlesForClaims(
    tx,
    targets.map((p) => p.articleId),
  );
  const existing = await existingClaimKeys(
    tx,
    actor,
    targets.map((p) => p.id),
  );
  const seen = new Map<string, string>();

  const out: ResolvedClaim[] = [];
  for (const d of drafts) {
    let passage: PassageRow | undefined;
    if (foundByQuote.has(d)) passage = foundByQuote.get(d);
    else if (needsQuote.has(d)) {
      fail(
        d,
        `the article is not in this workspace, and the quote “${shorten(d.exact ?? "")}” was not found in exactly one paragraph here; import the article first`,
      );
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
    const found = d.speakers.map(speakers);
    // An orphaned claim keeps its stored offsets and quote, as it did where it was exported.
    const keepOrphan = !span.ok && d.orphaned === true && d.start !== null && d.end !== null && d.start < d.end && !!d.exact;
    if (!span.ok && !keepOrphan) fail(d, span.reason);
    if (!type) fail(d, `claim type “${d.claimType}” is not in this workspace (it has: ${types.map((t) => t.label).join(", ")})`);
    for (const s of found) if ("error" in s) fail(d, s.error);
    let fields: ResolvedClaim["fields"] | null = null;
    try {
      fields = parseFields(d.fields, articleDates.get(passage!.articleId) ?? null);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      fail(d, err.message);
    }
    if ((!span.ok && !keepOrphan) || !type || found.some((s) => "error" in s) || !fields) continue;
    // Two names of one speaker ("Nga", "nước Nga") are one speaker, as the claim form allows.
    const who = [...new Map((found as SpeakerChoice[]).map((w) => [`${w.kind}:${w.id ?? foldForMatch(w.name)}`, w])).values()];
    const at = span.ok ? { start: span.start, end: span.end, method: span.method } : { start: d.start!, end: d.end!, method: "orphaned" as const };
    const exact = span.ok ? sliceQuote(passage!.text, at.start, at.end) : d.exact!;
    const key = claimKey(
      passage!.id,
      at.start,
      at.end,
      exact,
      type.id,
      who.map((w) => `${w.kind}:${w.id ?? foldForMatch(w.name)}`),
      d.modality,
    );
    if (existing.has(key))
      fail(d, `this claim (${type.label}, ${d.modality.toLowerCase()}, “${shorten(exact)}”) is already in the workspace; remove it from the file`);
    else if (seen.has(key)) fail(d, `same claim as ${seen.get(key)}`);
    else {
      seen.set(key, d.where);
      const actorEntities = [...new Map(d.actors.flatMap((name) => actorEntity(name)).map((e) => [e.id, e])).values()];
      const freeActors = d.actors.filter((name) => actorEntity(name).length === 0);
      out.push({
        draft: d,
        passage: passage!,
        start: at.start,
        end: at.end,
        method: at.method,
        claimTypeId: type.id,
        speakers: who,
        actorEntities,
        freeActors,
        fields,
      });
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
    const byDraft = groupBy(hits, (h) => h.i - 1);
    const next: ClaimDraft[] = [];
    pending.forEach((d, i) => {
      let matches = byDraft.get(i) ?? [];
      if (matches.length > 1 && d.passage !== null) matches = matches.filter((m) => m.position === d.passage);
      const [only] = matches;
      if (matches.length === 1 && only) found.set(d, only);
      else if (matches.length === 0) next.push(d);
    });
    pending = next;
  }
  return found;
}

// What makes two claims of one author the same: span, quote, type, speakers and modality.
const claimKey = (passageId: string, start: number, end: number, exact: string, typeId: string, speakers: string[], modality: string) =>
  JSON.stringify([passageId, start, end, exact, typeId, [...speakers].sort(), modality]);

/**
 * Transaction-scoped advisory locks on the articles a claim file writes into, taken in id order
 * (so two files never wait on each other in a cycle) and before the duplicate check reads: a
 * parallel upload of the same file then sees this one's claims once it commits (READ COMMITTED
 * reads afresh per statement) and refuses them as duplicates instead of storing them twice.
 */
async function lockArticlesForClaims(tx: Tx, articleIds: string[]): Promise<void> {
  const ids = [...new Set(articleIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(hashtext('claims-import:' || a.id)))::int AS locked
    FROM (SELECT id FROM unnest(${ids}::text[]) AS u(id) ORDER BY id) AS a`;
}

/** Publication dates of articles, for dates written without a year (one query). */
async function articleDatesOf(tx: Tx, workspaceId: string, ids: string[]): Promise<Map<string, Date | null>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.article.findMany({ where: { workspaceId, id: { in: [...new Set(ids)] } }, select: { id: true, publishedAt: true } });
  return new Map(rows.map((r) => [r.id, r.publishedAt]));
}

/** Actor names that are an entity's alias (aliases name one entity per workspace); one query. */
async function findActorEntities(tx: Tx, workspaceId: string, drafts: ClaimDraft[]): Promise<(name: string) => { id: string; name: string }[]> {
  const names = [...new Set(drafts.flatMap((d) => d.actors.map(foldForMatch)))];
  if (names.length === 0) return () => [];
  const aliases = await tx.entityAlias.findMany({
    where: { workspaceId, normalizedAlias: { in: names } },
    select: { normalizedAlias: true, entity: { select: { id: true, name: true } } },
  });
  const byName = new Map(aliases.map((a) => [a.normalizedAlias, a.entity]));
  return (name) => {
    const e = byName.get(foldForMatch(name));
    return e ? [e] : [];
  };
}

type SpeakerLookup = (s: ClaimDraft["speakers"][number]) => SpeakerChoice | { error: string };

/** Speakers by entity name or alias, or source name (ignoring case and diacritics); two queries. */
async function findSpeakers(tx: Tx, workspaceId: string, drafts: ClaimDraft[]): Promise<SpeakerLookup> {
  const names = [...new Set(drafts.flatMap((d) => d.speakers.map((s) => foldForMatch(s.name))))];
  if (names.length === 0) return () => ({ error: "no speaker" });
  // Sequential: both run on the transaction's one connection.
  const aliases = await tx.entityAlias.findMany({
    where: { workspaceId, normalizedAlias: { in: names } },
    select: { normalizedAlias: true, entity: { select: { id: true, name: true } } },
  });
  const sources = await tx.source.findMany({ where: { workspaceId, normalizedName: { in: names } }, select: { id: true, name: true, normalizedName: true } });
  return (s) => {
    const folded = foldForMatch(s.name);
    const entities = [...new Map(aliases.filter((a) => a.normalizedAlias === folded).map((a) => [a.entity.id, a.entity])).values()];
    const source = sources.find((x) => x.normalizedName === folded);
    const [entity] = entities;
    if (s.kind !== "source" && entities.length === 1 && entity) return { kind: "entity", id: entity.id, name: entity.name };
    if (s.kind !== "source" && entities.length > 1) {
      return { error: `speaker “${s.name}” is a name of ${entities.length} entities (${entities.map((e) => e.name).join(", ")}); merge them or rename one` };
    }
    if (s.kind !== "entity" && source) return { kind: "source", id: source.id, name: source.name };
    if (s.kind) return { kind: s.kind, name: s.name, create: true, detailKind: s.detailKind };
    return { error: `speaker “${s.name}” is neither an entity nor a source in this workspace; add it on the Entities page first, or leave speaker out` };
  };
}

/** Finds or creates the speakers a W3C file names by kind but this workspace lacked; fills in their ids, names those it created. */
async function createSpeakers(tx: Tx, actor: Actor, claims: ResolvedClaim[]): Promise<string[]> {
  const wanted = new Map<string, SpeakerChoice>();
  for (const c of claims) for (const s of c.speakers) if (s.create) wanted.set(`${s.kind}:${foldForMatch(s.name)}`, s);
  const all = [...wanted.values()];
  // Another import may create the same speaker meanwhile: both then use one row.
  const entities = await getOrCreateEntities(
    tx,
    actor,
    all.filter((s) => s.kind === "entity").map((s) => ({ name: s.name, kind: ENTITY_KINDS.find((k) => k === s.detailKind) ?? "OTHER" })),
  );
  const sources = await getOrCreateSources(
    tx,
    actor,
    all.filter((s) => s.kind === "source").map((s) => ({ name: s.name, kind: SOURCE_KINDS.find((k) => k === s.detailKind) ?? guessSourceKind(s.name) })),
  );
  const found = (s: SpeakerChoice) => (s.kind === "entity" ? entities : sources).get(foldForMatch(s.name))!;
  for (const c of claims) c.speakers = c.speakers.map((s) => (s.create ? { ...s, id: found(s).id } : s));
  return all.filter((s) => found(s).created).map((s) => `${s.name} (${s.kind})`);
}

/**
 * Keys of the live claims the importing user already has on these passages. Only their own: a
 * colleague's identical claim is a second reading (agreement counts it), and in a blind session
 * saying it exists would reveal it.
 */
async function existingClaimKeys(tx: Tx, actor: Actor, passageIds: string[]): Promise<Set<string>> {
  if (passageIds.length === 0) return new Set();
  const rows = await tx.annotation.findMany({
    where: { workspaceId: actor.workspaceId, authorId: actor.userId, deletedAt: null, passageId: { in: [...new Set(passageIds)] } },
    select: {
      passageId: true,
      start: true,
      end: true,
      exact: true,
      claimTypeId: true,
      modality: true,
      speakers: { select: { entityId: true, sourceId: true } },
    },
  });
  return new Set(
    rows.map((r) =>
      claimKey(
        r.passageId,
        r.start,
        r.end,
        r.exact,
        r.claimTypeId,
        r.speakers.map((s) => (s.entityId ? `entity:${s.entityId}` : `source:${s.sourceId}`)),
        r.modality,
      ),
    ),
  );
}
