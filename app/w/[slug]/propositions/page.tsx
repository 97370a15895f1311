import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { getMatrix, matrixFilterOptions } from "@/lib/server/comparison";
import { MatrixTable, type MatrixViewRow } from "@/components/propositions/matrix-table";
import { explain, type VerdictSay } from "@/lib/domain/comparison/sentence";
import { ExportMenu } from "@/components/report/export-menu";
import { CountingNote } from "@/components/review/counting-note";
import { LiveRefresh } from "@/components/live/live-refresh";
import { liveCursor } from "@/lib/server/live-stream";
import { VERDICT_KINDS } from "@/lib/validation/propositions";
import { Alert } from "@/components/ui/alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("matrix"))("title") };
}

type SP = Record<string, string | undefined>;

export default async function ComparisonPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SP> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { actor } = await requirePageMember(slug);
  const t = await getTranslations("matrix");
  const tp = await getTranslations("propositions");
  const since = await liveCursor(actor);
  const [m, options] = await Promise.all([getMatrix(actor, sp), matrixFilterOptions(actor)]);
  const f = m.filter;
  // The table gets each verdict's sentence in the reader's language, not the verdict itself.
  const say = (await getTranslations("verdict")) as unknown as VerdictSay;
  const viewRows: MatrixViewRow[] = m.rows.map(({ verdict: v, ...r }) => ({
    ...r,
    verdict: { kind: v.kind, supports: v.supports.origins.length, refutes: v.refutes.origins.length, sentence: explain(v.kind, v, m.countApprovedOnly, say) },
  }));
  // Dates are YYYY-MM-DD, so string order is date order.
  const inverted = Boolean(f.from && f.to && f.from > f.to);
  const qs = (patch: SP) => {
    const next = new URLSearchParams(Object.entries({ ...sp, ...patch }).filter(([, v]) => v) as [string, string][]);
    return `/w/${slug}/propositions?${next.toString()}`;
  };
  const exportQuery = new URLSearchParams(
    Object.entries({
      claimTypeId: f.claimTypeId,
      verdict: f.verdict,
      entityId: f.entityId,
      sourceId: f.sourceId,
      from: f.from,
      to: f.to,
      sessionId: f.sessionId,
    }).filter(([, v]) => v) as [string, string][],
  ).toString();
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <main className="min-w-0 space-y-4">
      <div className="flex min-w-0 flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">
          {t("size", { total: m.total, columns: m.columns.length, kind: f.columns === "origins" ? "origins" : "publishers" })}
        </p>
        <CountingNote approvedOnly={m.countApprovedOnly} />
        <div className="ml-auto flex items-center gap-3">
          <LiveRefresh workspaceId={actor.workspaceId} since={since} selfId={actor.userId} />
          <ExportMenu workspaceId={actor.workspaceId} slug={slug} query={exportQuery} />
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: two links styled as a segmented control, not form fields */}
        <div className="flex overflow-hidden rounded-md border border-slate-300 text-sm" role="group" aria-label={t("columns")}>
          <Link
            href={qs({ columns: "publishers", page: undefined })}
            aria-current={f.columns === "publishers" ? "true" : undefined}
            className={`px-3 py-1.5 ${f.columns === "publishers" ? "bg-slate-900 text-white" : "bg-white"}`}
          >
            {t("publishers")}
          </Link>
          <Link
            href={qs({ columns: "origins", page: undefined })}
            aria-current={f.columns === "origins" ? "true" : undefined}
            className={`px-3 py-1.5 ${f.columns === "origins" ? "bg-slate-900 text-white" : "bg-white"}`}
          >
            {t("origins")}
          </Link>
        </div>
      </div>
      <form className="flex min-w-0 flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3" aria-label={t("filters")}>
        <input type="hidden" name="columns" value={f.columns} />
        <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
          {t("claimType")}
          <select name="claimTypeId" defaultValue={f.claimTypeId ?? ""} className={`${select} max-w-48`}>
            <option value="">{t("all")}</option>
            {options.claimTypes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
          {t("verdict")}
          <select name="verdict" defaultValue={f.verdict ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {VERDICT_KINDS.map((k) => (
              <option key={k} value={k}>
                {tp(`verdict.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
          {t("entity")}
          <select name="entityId" defaultValue={f.entityId ?? ""} className={`${select} max-w-48`}>
            <option value="">{t("any")}</option>
            {options.entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
          {t("source")}
          <select name="sourceId" defaultValue={f.sourceId ?? ""} className={`${select} max-w-48`}>
            <option value="">{t("any")}</option>
            {options.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
          {t("from")}
          <input type="date" name="from" defaultValue={f.from ?? ""} className={select} />
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
          {t("to")}
          <input type="date" name="to" defaultValue={f.to ?? ""} className={select} />
        </label>
        {options.sessions.length > 0 && (
          <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
            {t("session")}
            <select name="sessionId" defaultValue={f.sessionId ?? ""} className={`${select} max-w-48`}>
              <option value="">{t("all")}</option>
              {options.sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
          {t("sort")}
          <select name="sort" defaultValue={f.sort} className={select}>
            <option value="contested">{t("sortContested")}</option>
            <option value="mentions">{t("sortMentions")}</option>
            <option value="recent">{t("sortRecent")}</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white">
          {t("apply")}
        </button>
        <Link href={`/w/${slug}/propositions?columns=${f.columns}`} className="px-2 py-1.5 text-sm text-blue-700 underline">
          {t("reset")}
        </Link>
      </form>
      {inverted && (
        <Alert tone="warning" className="break-words">
          {t("inverted", { from: f.from ?? "", to: f.to ?? "" })}
        </Alert>
      )}
      {m.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center break-words sm:p-10">
          <p className="font-medium">{m.total === 0 && !Object.values(sp).some(Boolean) ? t("none") : t("noMatch")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("noneHint")}</p>
        </div>
      ) : (
        <MatrixTable workspaceId={actor.workspaceId} slug={slug} mode={f.columns} rows={viewRows} columns={m.columns} />
      )}
      {m.pageCount > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-3 text-sm">
          {m.page > 1 && (
            <Link className="text-blue-700 underline" href={qs({ page: String(m.page - 1) })}>
              {t("previous")}
            </Link>
          )}
          <span>{t("page", { page: m.page, count: m.pageCount })}</span>
          {m.page < m.pageCount && (
            <Link className="text-blue-700 underline" href={qs({ page: String(m.page + 1) })}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </main>
  );
}
