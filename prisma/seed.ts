// The demo workspace, created on first start. It goes through the same services as the UI,
// so the demo exercises import, metadata detection and annotation for real.
import bcrypt from "bcryptjs";
import { requireMember } from "../lib/auth/membership";
import { getDb } from "../lib/db/client";
import { foldForMatch } from "../lib/domain/claim-types";
import { parseArticle } from "../lib/domain/import-metadata";
import { quoteSpan } from "../lib/domain/anchoring";
import { importArticle } from "../lib/server/articles";
import { createAnnotation } from "../lib/server/annotations";
import { createWorkspace } from "../lib/server/workspaces";
import { createPropositionFromClaim, linkMention } from "../lib/server/propositions";
import { demoArticles, demoEntities, demoSources } from "./demo/demo-content";
import { demoPropositions } from "./demo/demo-propositions";

export const DEMO_SLUG = "demo";
export const DEMO_USERS = {
  owner: { email: "demo@example.com", name: "Demo Editor", password: "demo-desk-2026" },
  viewer: { email: "viewer@example.com", name: "Demo Viewer", password: "demo-desk-2026" },
} as const;

/** Create the demo workspace unless it exists. */
export async function seedDemo(): Promise<{ created: boolean; email: string; password: string; userId: string }> {
  const db = getDb();
  const result = { email: DEMO_USERS.owner.email, password: DEMO_USERS.owner.password };
  if (await db.workspace.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } })) {
    const owner = await db.user.findUnique({ where: { email: DEMO_USERS.owner.email }, select: { id: true } });
    return { created: false, ...result, userId: owner?.id ?? "" };
  }

  const upsertUser = async (u: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) =>
    db.user.upsert({
      where: { email: u.email },
      create: { email: u.email, name: u.name, passwordHash: await bcrypt.hash(u.password, 10) },
      update: {},
      select: { id: true },
    });
  const [owner, viewer] = await Promise.all([upsertUser(DEMO_USERS.owner), upsertUser(DEMO_USERS.viewer)]);
  const ws = await createWorkspace(owner.id, { name: "Demo desk: Kim–Putin summit" }, { isDemo: true, slug: DEMO_SLUG });
  const actor = await requireMember(owner.id, ws.id);
  await db.membership.create({ data: { workspaceId: ws.id, userId: viewer.id, role: "VIEWER" } });

  await db.source.createMany({
    data: demoSources.map((s) => ({
      workspaceId: ws.id,
      name: s.name,
      normalizedName: foldForMatch(s.name),
      kind: s.kind,
      country: s.country,
      language: s.language,
      isDemo: true,
    })),
  });
  const sourceId = new Map((await db.source.findMany({ where: { workspaceId: ws.id }, select: { id: true, name: true } })).map((s) => [s.name, s.id]));

  const entityId = new Map<string, string>();
  const entityOf = (name: string) => entityId.get(name) ?? fail(`demo entity ${name} is missing`);
  for (const e of demoEntities) {
    const entity = await db.entity.create({ data: { workspaceId: ws.id, name: e.name, kind: e.kind }, select: { id: true } });
    entityId.set(e.name, entity.id);
    const aliases = new Map<string, { alias: string; language?: string }>([[foldForMatch(e.name), { alias: e.name }]]);
    for (const a of e.aliases) aliases.set(foldForMatch(a.alias), a);
    await db.entityAlias.createMany({
      data: [...aliases].map(([normalizedAlias, a]) => ({ workspaceId: ws.id, entityId: entity.id, alias: a.alias, normalizedAlias, language: a.language })),
    });
  }

  for (const e of demoEntities) {
    if (e.speaksFor) await db.entity.update({ where: { id: entityOf(e.name) }, data: { speaksForId: entityOf(e.speaksFor) } });
  }
  const speakerRef = (s: { entity?: string; source?: string }) =>
    s.entity ? { entityId: entityOf(s.entity) } : { sourceId: sourceId.get(s.source!) ?? fail(`demo source ${s.source} is missing`) };

  const claimIds = new Map<string, string>();
  const typeId = new Map((await db.claimType.findMany({ where: { workspaceId: ws.id }, select: { id: true, key: true } })).map((t) => [t.key, t.id]));
  for (const demo of demoArticles) {
    const parsed = parseArticle(demo.text);
    const article = await importArticle(actor, {
      text: demo.text,
      title: parsed.title,
      publishedAt: parsed.publishedAt ?? undefined,
      publisher: demo.publisher,
      origins: demo.origins,
      byline: parsed.byline ?? undefined,
      url: parsed.url ?? undefined,
      language: parsed.language ?? undefined,
    });
    const passages = await db.passage.findMany({ where: { articleId: article.id }, select: { id: true, text: true }, orderBy: { position: "asc" } });
    for (const [index, claim] of demo.claims.entries()) {
      const passage = passages.find((p) => p.text.includes(claim.quote));
      const span = passage && quoteSpan(passage.text, claim.quote, claim.occurrence);
      if (!passage || !span) throw new Error(`demo claim not found in ${demo.key}: ${claim.quote}`);
      const actors = claim.fields?.actors ?? [];
      const annotation = await createAnnotation(actor, {
        passageId: passage.id,
        ...span,
        exact: claim.quote,
        claimTypeId: typeId.get(claim.type)!,
        speakers: (claim.speakers ?? (claim.speaker ? [claim.speaker] : [])).map(speakerRef),
        modality: claim.modality,
        actorEntityIds: actors.filter((a) => entityId.has(a)).map(entityOf),
        actors: actors.filter((a) => !entityId.has(a)),
        fields: { date: claim.fields?.date, quantities: claim.fields?.quantities, item: claim.fields?.item },
        note: claim.note,
      });
      claimIds.set(`${demo.key}#${index}`, annotation.id);
    }
  }

  for (const p of demoPropositions) {
    const id = (key: string, index: number) => claimIds.get(`${key}#${index}`) ?? fail(`demo proposition refers to a missing claim ${key}#${index}`);
    const [[firstKey, firstIndex, firstStance], ...rest] = p.mentions;
    const created = await createPropositionFromClaim(actor, { annotationId: id(firstKey, firstIndex), statement: p.statement, stance: firstStance });
    for (const [key, index, stance] of rest) await linkMention(actor, { annotationId: id(key, index), propositionId: created.id, stance });
  }
  return { created: true, ...result, userId: owner.id };
}

function fail(message: string): never {
  throw new Error(message);
}
