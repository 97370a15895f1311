import type { Metadata } from "next";
import Link from "next/link";
import { clsx } from "clsx";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/membership";
import { ENTITY_KINDS } from "@/lib/validation/schemas";
import { listEntities, listLikelyDuplicates } from "@/lib/server/entities";
import { listSourceOptions, listSources, SOURCE_LIST_LIMIT } from "@/lib/server/sources";
import { EntityCard } from "@/components/entities/entity-card";
import { EntityForm } from "@/components/entities/entity-form";
import { LikelyDuplicates } from "@/components/entities/likely-duplicates";
import { SourcesTable } from "@/components/entities/sources-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entities"))("title") };
}

type Search = { tab?: string; q?: string; kind?: string; cursor?: string };
type RawSearch = Record<keyof Search, string | string[] | undefined>;

// A repeated query parameter arrives as an array; the first value wins.
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function EntitiesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Partial<RawSearch>> }) {
  const { slug } = await params;
  const raw = await searchParams;
  const search: Search = { tab: first(raw.tab), q: first(raw.q), kind: first(raw.kind), cursor: first(raw.cursor) };
  const { actor } = await requirePageMember(slug);
  const canEdit = can(actor, "entities.write");
  const t = await getTranslations("entities");
  const tab = search.tab === "sources" ? "sources" : "entities";
  const base = `/w/${slug}/entities`;
  return (
    <main>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <nav aria-label={t("tabs")} className="flex gap-1 text-sm">
          {(["entities", "sources"] as const).map((which) => (
            <Link
              key={which}
              href={which === "entities" ? base : `${base}?tab=sources`}
              aria-current={tab === which ? "page" : undefined}
              className={clsx("rounded px-3 py-1.5", tab === which ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100")}
            >
              {which === "entities" ? t("entitiesTab") : t("sourcesTab")}
            </Link>
          ))}
        </nav>
      </div>
      {tab === "entities" ? (
        <EntitiesSection slug={slug} base={base} actor={actor} canEdit={canEdit} search={search} />
      ) : (
        <SourcesSection slug={slug} actor={actor} canEdit={canEdit} q={search.q} />
      )}
    </main>
  );
}

type Actor = Awaited<ReturnType<typeof requirePageMember>>["actor"];

async function EntitiesSection({ slug, base, actor, canEdit, search }: { slug: string; base: string; actor: Actor; canEdit: boolean; search: Search }) {
  const kind = ENTITY_KINDS.find((k) => k === search.kind);
  const q = search.q?.trim() || undefined;
  const [{ items, nextCursor }, duplicates] = await Promise.all([listEntities(actor, { q, kind, cursor: search.cursor }), listLikelyDuplicates(actor)]);
  const t = await getTranslations("entities");
  const filters = new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}) });
  const withFilters = (extra: Record<string, string> = {}) => {
    const p = new URLSearchParams(filters);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p.size ? `${base}?${p}` : base;
  };
  return (
    <section aria-labelledby="entities-h">
      <h2 id="entities-h" className="sr-only">
        {t("entitiesTab")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("entitiesIntro")}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not in React's types yet; the role says the same */}
      <form role="search" aria-label={t("filterEntities")} className="mb-4 flex flex-wrap items-end gap-2" action={base}>
        <div className="flex flex-col gap-1">
          <label htmlFor="entity-q" className="text-sm font-medium text-slate-700">
            {t("nameOrAlias")}
          </label>
          <input
            id="entity-q"
            name="q"
            defaultValue={q}
            placeholder={t("nameOrAliasPlaceholder")}
            className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="entity-kind" className="text-sm font-medium text-slate-700">
            {t("kindLabel")}
          </label>
          <select id="entity-kind" name="kind" defaultValue={kind ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">{t("allKinds")}</option>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          {t("search")}
        </button>
        {(q || kind) && (
          <Link href={base} className="py-1.5 text-sm text-blue-700 underline">
            {t("clear")}
          </Link>
        )}
      </form>
      <LikelyDuplicates workspaceId={actor.workspaceId} pairs={duplicates} canEdit={canEdit} />
      {canEdit && (
        <div className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
          <EntityForm workspaceId={actor.workspaceId} slug={slug} />
        </div>
      )}
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">{q || kind ? t("noEntityMatch") : t("noEntities")}</p>
          <p className="mt-1 text-sm text-slate-600">{canEdit ? t("noEntitiesEditor") : t("noEntitiesViewer")}</p>
        </div>
      ) : (
        <ul className="space-y-3" aria-label={t("entitiesTab")}>
          {items.map((e) => (
            <EntityCard key={e.id} workspaceId={actor.workspaceId} slug={slug} entity={e} canEdit={canEdit} />
          ))}
        </ul>
      )}
      <div className="mt-4 flex gap-3 text-sm">
        {search.cursor && (
          <Link className="text-blue-700 underline" href={withFilters()}>
            {t("firstPage")}
          </Link>
        )}
        {nextCursor && (
          <Link className="text-blue-700 underline" href={withFilters({ cursor: nextCursor })}>
            {t("nextPage")}
          </Link>
        )}
      </div>
    </section>
  );
}

async function SourcesSection({ slug, actor, canEdit, q: rawQ }: { slug: string; actor: Actor; canEdit: boolean; q?: string }) {
  const q = rawQ?.trim() || undefined;
  const t = await getTranslations("entities");
  const [sources, options] = await Promise.all([listSources(actor, { q }), canEdit ? listSourceOptions(actor) : Promise.resolve([])]);
  return (
    <section aria-labelledby="sources-h">
      <h2 id="sources-h" className="sr-only">
        {t("sourcesTab")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("sourcesIntro")}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not in React's types yet; the role says the same */}
      <form role="search" aria-label={t("filterSources")} className="mb-4 flex flex-wrap items-end gap-2" action={`/w/${slug}/entities`}>
        <input type="hidden" name="tab" value="sources" />
        <div className="flex flex-col gap-1">
          <label htmlFor="source-q" className="text-sm font-medium text-slate-700">
            {t("sourceName")}
          </label>
          <input
            id="source-q"
            name="q"
            defaultValue={q}
            placeholder={t("sourceNamePlaceholder")}
            className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          {t("search")}
        </button>
        {q && (
          <Link href={`/w/${slug}/entities?tab=sources`} className="py-1.5 text-sm text-blue-700 underline">
            {t("clear")}
          </Link>
        )}
      </form>
      {sources.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">{q ? t("noSourceMatch", { q }) : t("noSources")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("noSourcesHint")}</p>
        </div>
      ) : (
        <SourcesTable workspaceId={actor.workspaceId} sources={sources} options={options} canEdit={canEdit} />
      )}
      {sources.length === SOURCE_LIST_LIMIT && <p className="mt-2 text-sm text-slate-600">{t("sourcesLimit", { count: SOURCE_LIST_LIMIT })}</p>}
    </section>
  );
}
