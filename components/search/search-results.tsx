import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SearchGroup, SearchKind, SearchResult } from "@/lib/server/search";
import { searchHref } from "./links";
import { ClaimItem, EntityItem, PassageItem, PropositionItem, SourceItem } from "./result-items";
import { shortenSimilarTail } from "./whole-words";

function GroupItems({ slug, group }: { slug: string; group: SearchGroup }) {
  const li = "border-b border-slate-100 px-4 py-3 last:border-0";
  switch (group.kind) {
    case "passage":
      return shortenSimilarTail<(typeof group.items)[number]>(group.items).map((hit) => (
        <li key={hit.id} className={li}>
          <PassageItem slug={slug} hit={hit} />
        </li>
      ));
    case "claim":
      return shortenSimilarTail<(typeof group.items)[number]>(group.items).map((hit) => (
        <li key={hit.id} className={li}>
          <ClaimItem slug={slug} hit={hit} />
        </li>
      ));
    case "proposition":
      return shortenSimilarTail<(typeof group.items)[number]>(group.items).map((hit) => (
        <li key={hit.id} className={li}>
          <PropositionItem slug={slug} hit={hit} />
        </li>
      ));
    case "entity":
      return shortenSimilarTail<(typeof group.items)[number]>(group.items).map((hit) => (
        <li key={hit.id} className={li}>
          <EntityItem slug={slug} hit={hit} />
        </li>
      ));
    case "source":
      return shortenSimilarTail<(typeof group.items)[number]>(group.items).map((hit) => (
        <li key={hit.id} className={li}>
          <SourceItem slug={slug} hit={hit} />
        </li>
      ));
  }
}

type T = ReturnType<typeof useTranslations<"search">>;

/** How many matches a group has, in words: contained matches and similar spellings apart. */
function countLine(t: T, group: SearchGroup, q: string): string {
  const similar = group.total - group.exactTotal;
  // Past the count cap the numbers are lower bounds: "200+" (and plural, like any "more than").
  const plus = group.capped ? "+" : "";
  const contain = t("contain", { count: plus ? 2 : group.exactTotal, shown: `${group.exactTotal}${plus}`, q });
  return similar > 0 ? `${contain} · ${t("similar", { count: similar })}` : contain;
}

/** Result groups; with `kind` set, only that group, with a longer list. */
export function SearchResults({ slug, result, kind }: { slug: string; result: SearchResult; kind?: SearchKind }) {
  const t = useTranslations("search");
  const shown = result.groups.filter((g) => (kind ? g.kind === kind : g.items.length > 0));
  if (shown.every((g) => g.items.length === 0)) {
    const elsewhere = kind && result.groups.some((g) => g.total > 0);
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="search-empty">
        <p className="font-medium">{t("none", { what: t(`kindsLower.${kind ?? "any"}`), q: result.q })}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t("accentsNote")} {elsewhere ? t("elsewhere") : t("tryOther")}
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      {shown.map((group) => {
        const label = t(`kinds.${group.kind}`);
        const headingId = `search-group-${group.kind}`;
        return (
          <section key={group.kind} aria-labelledby={headingId} data-testid={headingId}>
            <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
              <h2 id={headingId} className="text-base font-semibold">
                {label}
              </h2>
              <span className="text-sm text-slate-500">{countLine(t, group, result.q)}</span>
              {group.total > group.items.length &&
                (kind ? (
                  <span className="text-sm text-slate-500">{t("showingBest", { count: group.items.length })}</span>
                ) : (
                  <Link href={searchHref(slug, result.q, group.kind)} className="ml-auto text-sm text-blue-700 underline">
                    {t("allOfKind", { shown: `${group.total}${group.capped ? "+" : ""}`, what: t(`kindsLower.${group.kind}`) })}
                  </Link>
                ))}
            </div>
            <ol className="rounded-lg border border-slate-200 bg-white">
              <GroupItems slug={slug} group={group} />
            </ol>
          </section>
        );
      })}
    </div>
  );
}
