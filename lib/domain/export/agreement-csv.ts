import { stringify } from "csv-stringify/sync";
import type { AgreementReport, GroupAgreement, LabelDimension, PairAgreement } from "@/lib/domain/agreement/types";
import { LABEL_DIMENSIONS } from "@/lib/domain/agreement/types";
import { neutralizeCell } from "./csv";

export const AGREEMENT_CSV_COLUMNS = ["scope", "article_id", "article_title", "annotator_a", "annotator_b", "metric", "dimension", "value", "units"] as const;

type Names = { annotators: ReadonlyMap<string, string>; articles: ReadonlyMap<string, string> };
type Row = Record<(typeof AGREEMENT_CSV_COLUMNS)[number], string | number | null>;

const num = (v: number | null) => (v === null ? "" : Number(v.toFixed(4)));

type Base = Pick<Row, "scope" | "article_id" | "article_title" | "annotator_a" | "annotator_b">;
/** A row maker for one scope and pair; titles and names are typed by people, so neutralised like every CSV cell we write. */
const rowsOf = (scope: string, article: [string, string], a: string, b: string) => {
  const base: Base = {
    scope,
    article_id: article[0],
    article_title: neutralizeCell(article[1]),
    annotator_a: neutralizeCell(a),
    annotator_b: neutralizeCell(b),
  };
  return (metric: string, dimension: string, value: number | null, units: number | null): Row => ({ ...base, metric, dimension, value: num(value), units });
};

function pairRows(scope: string, article: [string, string], p: PairAgreement, names: Names): Row[] {
  const row = rowsOf(scope, article, names.annotators.get(p.a) ?? p.a, names.annotators.get(p.b) ?? p.b);
  return [
    row("precision_exact", "span", p.exact.precision, p.exact.matched),
    row("recall_exact", "span", p.exact.recall, p.exact.matched),
    row("f1_exact", "span", p.exact.f1, p.exact.matched),
    row("precision_overlap", "span", p.overlap.precision, p.overlap.matched),
    row("recall_overlap", "span", p.overlap.recall, p.overlap.matched),
    row("f1_overlap", "span", p.overlap.f1, p.overlap.matched),
    row("character_dice", "span", p.character, null),
    row("unitizing_alpha", "span", p.unitizingAlpha, null),
    ...LABEL_DIMENSIONS.map((d: LabelDimension) => row("cohen_kappa", d, p.cohen[d], p.units)),
  ];
}

function groupRows(scope: string, article: [string, string], g: GroupAgreement): Row[] {
  const row = rowsOf(scope, article, "all", "all");
  return [
    row("mean_f1_exact", "span", g.meanF1.exact, g.units.exact),
    row("mean_f1_overlap", "span", g.meanF1.overlap, g.units.overlap),
    row("unitizing_alpha", "span", g.unitizingAlpha, null),
    ...LABEL_DIMENSIONS.flatMap((d) => [row("krippendorff_alpha", d, g.alpha[d], g.units.overlap), row("fleiss_kappa", d, g.fleiss[d], g.units.overlap)]),
  ];
}

/** The agreement report as CSV (UTF-8 with BOM, one figure per row): the session, then each article. */
export function agreementCsv(report: AgreementReport, names: Names): string {
  const rows: Row[] = [...groupRows("session", ["", ""], report.overall), ...report.pairs.flatMap((p) => pairRows("session", ["", ""], p, names))];
  for (const a of report.articles) {
    const article: [string, string] = [a.articleId, names.articles.get(a.articleId) ?? ""];
    rows.push(...groupRows("article", article, a.overall), ...a.pairs.flatMap((p) => pairRows("article", article, p, names)));
  }
  return `\uFEFF${stringify(rows, { header: true, columns: [...AGREEMENT_CSV_COLUMNS] })}`;
}
