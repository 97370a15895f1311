import { clsx } from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SearchKind } from "@/lib/server/search";
import { searchHref } from "./links";

/** Filter links, one per kind, each with its number of matches. */
export function KindChips({ slug, q, active, groups }: { slug: string; q: string; active?: SearchKind; groups: { kind: SearchKind; total: number }[] }) {
  const t = useTranslations("search");
  const chips: { kind?: SearchKind; label: string; count: number }[] = [
    { label: t("all"), count: groups.reduce((n, g) => n + g.total, 0) },
    ...groups.map((g) => ({ kind: g.kind, label: t(`kinds.${g.kind}`), count: g.total })),
  ];
  return (
    <nav aria-label={t("kindFilter")} className="flex flex-wrap gap-2">
      {chips.map((chip) => {
        const current = chip.kind === active;
        return (
          <Link
            key={chip.kind ?? "all"}
            href={searchHref(slug, q, chip.kind)}
            aria-current={current ? "page" : undefined}
            data-testid={`search-chip-${chip.kind ?? "all"}`}
            className={clsx(
              "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm",
              current
                ? "border-slate-900 bg-slate-900 text-white"
                : chip.count === 0
                  ? "border-dashed border-slate-300 bg-white text-slate-600 hover:bg-slate-50"
                  : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
            )}
          >
            {chip.label}
            <span className={clsx("rounded-full px-1.5 text-xs tabular-nums", current ? "bg-white/20" : "bg-slate-100")}>{chip.count}</span>
          </Link>
        );
      })}
    </nav>
  );
}
