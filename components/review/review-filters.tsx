import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AnnotationStatus } from "@/lib/domain/vocabulary";

type Option = { id: string; label: string };
type Filters = { status: AnnotationStatus; articleId?: string; claimTypeId?: string; authorId?: string; sessionId?: string };

const STATUS_ORDER: AnnotationStatus[] = ["SUBMITTED", "APPROVED", "REJECTED", "DRAFT"];
const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** The queue's status tabs (with counts) and its filters, as a plain GET form: the URL holds the view. */
export function ReviewFilters({
  slug,
  filters,
  byStatus,
  options,
}: {
  slug: string;
  filters: Filters;
  byStatus: Record<AnnotationStatus, number>;
  options: { articles: Option[]; claimTypes: Option[]; annotators: Option[]; sessions: Option[] };
}) {
  const t = useTranslations("review");
  const base = `/w/${slug}/review`;
  const withStatus = (status: AnnotationStatus) => {
    // A tab keeps the filters but starts from the first page.
    const { articleId, claimTypeId, authorId, sessionId } = filters;
    const q = new URLSearchParams(
      Object.entries({ articleId, claimTypeId, authorId, sessionId, status: status === "SUBMITTED" ? undefined : status }).filter(
        (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
      ),
    );
    return q.size ? `${base}?${q}` : base;
  };
  const choose = (name: keyof Filters, label: string, list: Option[]) =>
    list.length > 0 && (
      <label className="flex flex-col text-xs text-slate-600">
        {label}
        <select name={name} defaultValue={filters[name] ?? ""} className={`${select} max-w-56`}>
          <option value="">{t("all")}</option>
          {list.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    );
  return (
    <div className="space-y-3">
      <nav aria-label={t("statusNav")} className="flex flex-wrap gap-1 text-sm" data-testid="review-status-tabs">
        {STATUS_ORDER.map((s) => (
          <Link
            key={s}
            href={withStatus(s)}
            aria-current={filters.status === s ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 ${filters.status === s ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
          >
            {t(`status.${s}`)} <span className="tabular-nums">({byStatus[s]})</span>
          </Link>
        ))}
      </nav>
      <form className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3" aria-label={t("filters")} action={base}>
        <input type="hidden" name="status" value={filters.status} />
        {choose("articleId", t("article"), options.articles)}
        {choose("claimTypeId", t("claimType"), options.claimTypes)}
        {choose("authorId", t("annotator"), options.annotators)}
        {choose("sessionId", t("session"), options.sessions)}
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white">
          {t("apply")}
        </button>
        <Link href={filters.status === "SUBMITTED" ? base : `${base}?status=${filters.status}`} className="px-2 py-1.5 text-sm text-blue-700 underline">
          {t("reset")}
        </Link>
      </form>
    </div>
  );
}
