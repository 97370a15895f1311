import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { CURATION_FILTERS, type CurationFilter, shownBy } from "./curation-units";

/** All / undecided / disagreements, each with how many units it shows. */
export function CurationFilters({
  units,
  filter,
  onChange,
}: {
  units: { decision: unknown; differences: { agreed: boolean } }[];
  filter: CurationFilter;
  onChange: (f: CurationFilter) => void;
}) {
  const t = useTranslations("sessions.curation.filters");
  return (
    <fieldset className="flex flex-wrap items-center gap-1.5" data-testid="curation-filter">
      <legend className="sr-only">{t("legend")}</legend>
      {CURATION_FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          aria-pressed={filter === f}
          onClick={() => onChange(f)}
          className={clsx(
            "rounded-full border px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
            filter === f ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50",
          )}
        >
          {t(f)} <span className="tabular-nums opacity-80">{units.filter((u) => shownBy(f, u)).length}</span>
        </button>
      ))}
    </fieldset>
  );
}
