import { useTranslations } from "next-intl";
import type { AgreementReport, GroupAgreement, PairAgreement } from "@/lib/domain/agreement/types";
import { LABEL_DIMENSIONS } from "@/lib/domain/agreement/types";
import { namer, Score } from "./agreement-score";

const th = "border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-xs font-medium text-slate-600";
const td = "border-b border-slate-100 px-2 py-1.5 text-right";

/** One row per annotator pair: span scores in both matchings, the character score and Cohen's kappa per label. */
export function PairTable({ annotators, pairs }: { annotators: { id: string; name: string }[]; pairs: PairAgreement[] }) {
  const t = useTranslations("sessions.agreement");
  const name = namer(annotators, t("formerAnnotator"));
  if (pairs.length === 0) return <p className="text-sm text-slate-600">{t("tables.pairsNeedTwo")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-separate border-spacing-0 text-sm" data-testid="agreement-pairs">
        <caption className="sr-only">{t("tables.pairsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className={`${th} text-left align-bottom`}>
              {t("tables.pair")}
            </th>
            <th scope="colgroup" colSpan={3} className={`${th} border-l text-center`}>
              {t("tables.exactMatch")}
            </th>
            <th scope="colgroup" colSpan={3} className={`${th} border-l text-center`}>
              {t("tables.overlapMatch")}
            </th>
            <th scope="col" rowSpan={2} className={`${th} border-l text-right align-bottom`} title={t("tables.characterTitle")}>
              {t("tables.character")}
            </th>
            <th scope="colgroup" colSpan={3} className={`${th} border-l text-center`}>
              {t("tables.cohen")}
            </th>
            <th scope="col" rowSpan={2} className={`${th} border-l text-right align-bottom`} title={t("tables.pairUnitsTitle")}>
              {t("tables.units")}
            </th>
            <th scope="col" rowSpan={2} className={`${th} text-right align-bottom`} title={t("tables.unitizingTitle")}>
              {t("tables.unitizingShort")}
            </th>
          </tr>
          <tr>
            {["P", "R", "F1", "P", "R", "F1"].map((h, i) => {
              const title = h === "P" ? t("tables.precision") : h === "R" ? t("tables.recall") : h;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed header cells, P/R/F1 twice
                <th key={i} scope="col" className={`${th} text-right ${i % 3 === 0 ? "border-l" : ""}`} title={title}>
                  {h}
                </th>
              );
            })}
            {LABEL_DIMENSIONS.map((d, i) => (
              <th key={d} scope="col" className={`${th} text-right ${i === 0 ? "border-l" : ""}`}>
                {t(`dimension.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={`${p.a}-${p.b}`} data-testid="agreement-pair">
              <th scope="row" className="border-b border-slate-100 px-2 py-1.5 text-left font-medium">
                {name(p.a)} – {name(p.b)}
              </th>
              {[p.exact, p.overlap].map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: exact then overlap
                <SpanCells key={i} s={s} />
              ))}
              <td className={`${td} border-l`}>
                <Score value={p.character} why={t("why.character")} />
              </td>
              {LABEL_DIMENSIONS.map((d, i) => (
                <td key={d} className={`${td} ${i === 0 ? "border-l" : ""}`}>
                  <Score value={p.cohen[d]} why={p.units === 0 ? t("why.cohenNoUnits") : t("why.cohenChance")} />
                </td>
              ))}
              <td className={`${td} border-l tabular-nums`}>{p.units}</td>
              <td className={td}>
                <Score value={p.unitizingAlpha} why={t("why.unitizingEmpty")} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SpanCells({ s }: { s: PairAgreement["exact"] }) {
  const t = useTranslations("sessions.agreement");
  return (
    <>
      <td className={`${td} border-l`} title={t("tables.matchedOf", { matched: s.matched, total: s.bCount })}>
        <Score value={s.precision} why={t("why.precision")} />
      </td>
      <td className={td} title={t("tables.matchedOf", { matched: s.matched, total: s.aCount })}>
        <Score value={s.recall} why={t("why.recall")} />
      </td>
      <td className={`${td} font-medium`}>
        <Score value={s.f1} why={t("why.f1")} />
      </td>
    </>
  );
}

/** One row per article of the session, in the session's order; an article nobody marked yet shows its zeros. */
export function ArticleTable({ articles, report }: { articles: { id: string; title: string }[]; report: AgreementReport }) {
  const t = useTranslations("sessions.agreement.tables");
  const byId = new Map(report.articles.map((a) => [a.articleId, a.overall]));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-separate border-spacing-0 text-sm" data-testid="agreement-articles">
        <caption className="sr-only">{t("articlesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${th} text-left`}>
              {t("article")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("claims")}
            </th>
            <th scope="col" className={`${th} text-right`} title={t("articleUnitsTitle")}>
              {t("units")}
            </th>
            {LABEL_DIMENSIONS.map((d) => (
              <th key={d} scope="col" className={`${th} text-right`}>
                {t(`alphaOf.${d}`)}
              </th>
            ))}
            <th scope="col" className={`${th} text-right`}>
              {t("meanF1Overlap")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("meanF1Exact")}
            </th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <ArticleRow key={a.id} title={a.title} g={byId.get(a.id) ?? null} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ArticleRow({ title, g }: { title: string; g: GroupAgreement | null }) {
  const t = useTranslations("sessions.agreement.why");
  const why = (fallback: "alpha" | "meanF1") => (g && g.claims > 0 ? t(fallback) : t("noClaims"));
  return (
    <tr data-testid="agreement-article">
      <th scope="row" className="max-w-md border-b border-slate-100 px-2 py-1.5 text-left font-medium">
        {title}
      </th>
      <td className={`${td} tabular-nums`}>{g?.claims ?? 0}</td>
      <td className={`${td} tabular-nums`}>{g?.units.overlap ?? 0}</td>
      {LABEL_DIMENSIONS.map((d) => (
        <td key={d} className={td}>
          <Score value={g?.alpha[d] ?? null} why={why("alpha")} />
        </td>
      ))}
      <td className={`${td} font-medium`}>
        <Score value={g?.meanF1.overlap ?? null} why={why("meanF1")} />
      </td>
      <td className={td}>
        <Score value={g?.meanF1.exact ?? null} why={why("meanF1")} />
      </td>
    </tr>
  );
}
