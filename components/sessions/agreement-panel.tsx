import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LABEL_DIMENSIONS } from "@/lib/domain/agreement/types";
import type { SessionAgreement } from "@/lib/server/session-agreement";
import { alphaVerdict, kappaReading, type WhyUndefined } from "./agreement-format";
import { AgreementHeatmap } from "./agreement-heatmap";
import { AgreementHelp } from "./agreement-help";
import { Score } from "./agreement-score";
import { ArticleTable, PairTable } from "./agreement-tables";

/**
 * Inter-annotator agreement of a session: summary figures, every pair, a heat map, every article,
 * a CSV download and what each figure means.
 */
export function AgreementPanel({ workspaceId, sessionId, data }: { slug: string; workspaceId: string; sessionId: string; data: SessionAgreement }) {
  const t = useTranslations("sessions.agreement");
  const { report, annotators } = data;
  const g = report.overall;
  const csv = `/api/v1/workspaces/${workspaceId}/sessions/${sessionId}/agreement?format=csv`;
  const noClaims = g.claims === 0;
  const why = (reason: WhyUndefined) => (noClaims ? t("noClaimsSession") : t(`why.${reason}`));
  const unitizing = annotators.length > 2 ? "unitizingMany" : annotators.length < 2 ? "unitizingFew" : "unitizingEmpty";
  const alphaWords = (v: number | null) => {
    const verdict = alphaVerdict(v);
    return verdict ? t(`alphaReading.${verdict}`) : undefined;
  };
  const kappaWords = (v: number | null) => {
    const reading = kappaReading(v);
    return reading ? t(`kappaReading.${reading}`) : "";
  };
  return (
    <section aria-labelledby="agreement-heading" className="space-y-5" data-testid="agreement-panel">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="agreement-heading" className="text-base font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-slate-600">{t("counts", { annotators: annotators.length, claims: data.claims, articles: data.articles.length })}</p>
        <a href={csv} download className="ml-auto text-sm font-medium text-blue-700 underline" data-testid="agreement-csv">
          {t("csv")}
        </a>
      </div>
      {annotators.length < 2 && <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("needsTwo")}</p>}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="agreement-summary">
        <Figure label={t("meanF1Overlap")}>
          <Score value={g.meanF1.overlap} why={why("meanF1")} />
        </Figure>
        <Figure label={t("meanF1Exact")}>
          <Score value={g.meanF1.exact} why={why("meanF1")} />
        </Figure>
        <Figure label={t("unitizingAlpha")} note={alphaWords(g.unitizingAlpha)}>
          <Score value={g.unitizingAlpha} why={why(unitizing)} />
        </Figure>
        <Figure label={t("unitsOverlap")} note={t("unitsExact", { count: g.units.exact })}>
          <span className="tabular-nums">{g.units.overlap}</span>
        </Figure>
        <Figure label={t("claims")}>
          <span className="tabular-nums">{g.claims}</span>
        </Figure>
      </dl>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full border-separate border-spacing-0 text-sm" data-testid="agreement-labels">
          <caption className="px-3 pt-2 text-left text-sm font-medium text-slate-800">{t("labelsCaption")}</caption>
          <thead>
            <tr className="text-xs text-slate-600">
              <th scope="col" className="border-b border-slate-200 px-3 py-1.5 text-left font-medium">
                {t("label")}
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-1.5 text-right font-medium">
                {t("alpha")}
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-1.5 text-left font-medium">
                {t("reading")}
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-1.5 text-right font-medium">
                {t("fleiss")}
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-1.5 text-left font-medium">
                {t("reading")}
              </th>
            </tr>
          </thead>
          <tbody>
            {LABEL_DIMENSIONS.map((d) => (
              <tr key={d}>
                <th scope="row" className="border-b border-slate-100 px-3 py-1.5 text-left font-medium">
                  {t(`dimension.${d}`)}
                </th>
                <td className="border-b border-slate-100 px-3 py-1.5 text-right">
                  <Score value={g.alpha[d]} why={why("alpha")} />
                </td>
                <td className="border-b border-slate-100 px-3 py-1.5 text-slate-600">{alphaWords(g.alpha[d]) ?? ""}</td>
                <td className="border-b border-slate-100 px-3 py-1.5 text-right">
                  <Score value={g.fleiss[d]} why={why("fleiss")} />
                </td>
                <td className="border-b border-slate-100 px-3 py-1.5 text-slate-600">{kappaWords(g.fleiss[d])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="agreement-pairs-heading" className="space-y-2">
        <h3 id="agreement-pairs-heading" className="font-semibold">
          {t("pairs")}
        </h3>
        <PairTable annotators={annotators} pairs={report.pairs} />
      </section>

      {annotators.length >= 2 && (
        <section aria-labelledby="agreement-heatmap-heading" className="space-y-2">
          <h3 id="agreement-heatmap-heading" className="font-semibold">
            {t("heatmap")}
          </h3>
          <AgreementHeatmap annotators={annotators} pairs={report.pairs} />
        </section>
      )}

      <section aria-labelledby="agreement-articles-heading" className="space-y-2">
        <h3 id="agreement-articles-heading" className="font-semibold">
          {t("perArticle")}
        </h3>
        <ArticleTable articles={data.articles} report={report} />
      </section>

      <AgreementHelp />
    </section>
  );
}

function Figure({ label, note, children }: { label: string; note?: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold">{children}</dd>
      {note && <dd className="text-xs text-slate-500">{note}</dd>}
    </div>
  );
}
