import type { AgreementReport, GroupAgreement, PairAgreement } from "@/lib/domain/agreement/types";
import { LABEL_DIMENSIONS } from "@/lib/domain/agreement/types";
import { WHY_UNDEFINED } from "./agreement-format";
import { DIMENSION_LABELS, namer, Score, whyNoCohen } from "./agreement-score";

const th = "border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-xs font-medium text-slate-600";
const td = "border-b border-slate-100 px-2 py-1.5 text-right";

/** One row per annotator pair: span scores in both matchings, the character score and Cohen's kappa per label. */
export function PairTable({ annotators, pairs }: { annotators: { id: string; name: string }[]; pairs: PairAgreement[] }) {
  const name = namer(annotators);
  if (pairs.length === 0) return <p className="text-sm text-slate-600">Pairwise figures need at least two annotators in the session.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-separate border-spacing-0 text-sm" data-testid="agreement-pairs">
        <caption className="sr-only">Agreement of each pair of annotators. Precision and recall take the first annotator as reference.</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className={`${th} text-left align-bottom`}>
              Pair
            </th>
            <th scope="colgroup" colSpan={3} className={`${th} border-l text-center`}>
              Exact match
            </th>
            <th scope="colgroup" colSpan={3} className={`${th} border-l text-center`}>
              Overlap match
            </th>
            <th scope="col" rowSpan={2} className={`${th} border-l text-right align-bottom`} title="Character-level Dice: shared characters">
              Character
            </th>
            <th scope="colgroup" colSpan={3} className={`${th} border-l text-center`}>
              Cohen&apos;s κ (overlap units)
            </th>
            <th scope="col" rowSpan={2} className={`${th} border-l text-right align-bottom`} title="Overlap-matched units holding a claim of both">
              Units
            </th>
            <th scope="col" rowSpan={2} className={`${th} text-right align-bottom`} title="Krippendorff's unitizing alpha of the pair">
              uα
            </th>
          </tr>
          <tr>
            {["P", "R", "F1", "P", "R", "F1"].map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed header cells, P/R/F1 twice
              <th key={i} scope="col" className={`${th} text-right ${i % 3 === 0 ? "border-l" : ""}`} title={{ P: "Precision", R: "Recall", F1: "F1" }[h]}>
                {h}
              </th>
            ))}
            {LABEL_DIMENSIONS.map((d, i) => (
              <th key={d} scope="col" className={`${th} text-right ${i === 0 ? "border-l" : ""}`}>
                {DIMENSION_LABELS[d]}
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
                <Score value={p.character} why={WHY_UNDEFINED.character} />
              </td>
              {LABEL_DIMENSIONS.map((d, i) => (
                <td key={d} className={`${td} ${i === 0 ? "border-l" : ""}`}>
                  <Score value={p.cohen[d]} why={whyNoCohen(p)} />
                </td>
              ))}
              <td className={`${td} border-l tabular-nums`}>{p.units}</td>
              <td className={td}>
                <Score value={p.unitizingAlpha} why={WHY_UNDEFINED.unitizingEmpty} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SpanCells({ s }: { s: PairAgreement["exact"] }) {
  return (
    <>
      <td className={`${td} border-l`} title={`${s.matched} matched of ${s.bCount}`}>
        <Score value={s.precision} why={WHY_UNDEFINED.precision} />
      </td>
      <td className={td} title={`${s.matched} matched of ${s.aCount}`}>
        <Score value={s.recall} why={WHY_UNDEFINED.recall} />
      </td>
      <td className={`${td} font-medium`}>
        <Score value={s.f1} why={WHY_UNDEFINED.f1} />
      </td>
    </>
  );
}

/** One row per article of the session, in the session's order; an article nobody marked yet shows its zeros. */
export function ArticleTable({ articles, report }: { articles: { id: string; title: string }[]; report: AgreementReport }) {
  const byId = new Map(report.articles.map((a) => [a.articleId, a.overall]));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-separate border-spacing-0 text-sm" data-testid="agreement-articles">
        <caption className="sr-only">Agreement per article</caption>
        <thead>
          <tr>
            <th scope="col" className={`${th} text-left`}>
              Article
            </th>
            <th scope="col" className={`${th} text-right`}>
              Claims
            </th>
            <th scope="col" className={`${th} text-right`} title="Units formed by overlap matching, single-claim units included">
              Units
            </th>
            {LABEL_DIMENSIONS.map((d) => (
              <th key={d} scope="col" className={`${th} text-right`}>
                α {DIMENSION_LABELS[d].toLowerCase()}
              </th>
            ))}
            <th scope="col" className={`${th} text-right`}>
              Mean F1 (overlap)
            </th>
            <th scope="col" className={`${th} text-right`}>
              Mean F1 (exact)
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
  const why = (fallback: string) => (g && g.claims > 0 ? fallback : WHY_UNDEFINED.noClaims);
  return (
    <tr data-testid="agreement-article">
      <th scope="row" className="max-w-md border-b border-slate-100 px-2 py-1.5 text-left font-medium">
        {title}
      </th>
      <td className={`${td} tabular-nums`}>{g?.claims ?? 0}</td>
      <td className={`${td} tabular-nums`}>{g?.units.overlap ?? 0}</td>
      {LABEL_DIMENSIONS.map((d) => (
        <td key={d} className={td}>
          <Score value={g?.alpha[d] ?? null} why={why(WHY_UNDEFINED.alpha)} />
        </td>
      ))}
      <td className={`${td} font-medium`}>
        <Score value={g?.meanF1.overlap ?? null} why={why(WHY_UNDEFINED.meanF1)} />
      </td>
      <td className={td}>
        <Score value={g?.meanF1.exact ?? null} why={why(WHY_UNDEFINED.meanF1)} />
      </td>
    </tr>
  );
}
