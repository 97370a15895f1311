"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { PairAgreement } from "@/lib/domain/agreement/types";
import { compactInputClass } from "@/components/reader/form-styles";
import { cellColours, type ColourStop, DIVERGING, formatScore, legendGradient, SEQUENTIAL, type WhyUndefined } from "./agreement-format";
import { namer } from "./agreement-score";

/** Why a figure is undefined, as a key of sessions.agreement.why. */
type Why = WhyUndefined;
type Metric = { stops: readonly ColourStop[]; ticks: number[]; value: (p: PairAgreement) => number | null; why: (p: PairAgreement) => Why };

const METRICS = {
  overlap: { stops: SEQUENTIAL, ticks: [0, 0.5, 1], value: (p) => p.overlap.f1, why: () => "f1" },
  exact: { stops: SEQUENTIAL, ticks: [0, 0.5, 1], value: (p) => p.exact.f1, why: () => "f1" },
  character: { stops: SEQUENTIAL, ticks: [0, 0.5, 1], value: (p) => p.character, why: () => "character" },
  kappa: { stops: DIVERGING, ticks: [-1, 0, 0.5, 1], value: (p) => p.cohen.claimType, why: (p) => (p.units === 0 ? "cohenNoUnits" : "cohenChance") },
} satisfies Record<string, Metric>;
type MetricKey = keyof typeof METRICS;

/** Annotator × annotator, each cell a pair's score: printed in the cell and coloured by it, with a legend. */
export function AgreementHeatmap({ annotators, pairs }: { annotators: { id: string; name: string }[]; pairs: PairAgreement[] }) {
  const t = useTranslations("sessions.agreement");
  const [key, setKey] = useState<MetricKey>("overlap");
  const selectId = useId();
  const metric: Metric = METRICS[key];
  const label = t(`metric.${key}`);
  const name = namer(annotators, t("formerAnnotator"));
  const pairOf = (a: string, b: string) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  const [lo, hi] = [metric.ticks[0]!, metric.ticks[metric.ticks.length - 1]!];

  return (
    <div className="space-y-3" data-testid="agreement-heatmap">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
            {t("metricLabel")}
          </label>
          <select id={selectId} className={compactInputClass} value={key} onChange={(e) => setKey(e.target.value as MetricKey)}>
            {(Object.keys(METRICS) as MetricKey[]).map((k) => (
              <option key={k} value={k}>
                {t(`metric.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <figure className="text-xs text-slate-600" aria-label={t("scale", { metric: label, lo: formatScore(lo), hi: formatScore(hi) })}>
          <div className="h-3 w-56 rounded border border-slate-300" style={{ background: legendGradient(metric.stops) }} aria-hidden />
          <div className="relative h-4 w-56" aria-hidden>
            {metric.ticks.map((t, i) => (
              <span
                key={t}
                className={clsx("absolute tabular-nums", i === 0 ? "" : i === metric.ticks.length - 1 ? "-translate-x-full" : "-translate-x-1/2")}
                style={{ left: `${((t - lo) / (hi - lo)) * 100}%` }}
              >
                {formatScore(t)}
              </span>
            ))}
          </div>
          <figcaption className="mt-1 flex items-center gap-1.5">
            <span
              className="inline-block h-3 w-4 rounded border border-slate-300"
              style={{ background: cellColours(null, metric.stops).background }}
              aria-hidden
            />
            {t("undefinedLegend")}
          </figcaption>
        </figure>
      </div>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-0.5 text-sm">
          <caption className="sr-only">{t("heatmapCaption", { metric: label })}</caption>
          <thead>
            <tr>
              <td />
              {annotators.map((a) => (
                <th key={a.id} scope="col" className="max-w-28 truncate px-2 pb-1 text-center text-xs font-medium text-slate-700" title={a.name}>
                  {a.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {annotators.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="max-w-40 truncate pr-2 text-right text-xs font-medium text-slate-700" title={row.name}>
                  {row.name}
                </th>
                {annotators.map((col) => {
                  if (row.id === col.id) {
                    return (
                      <td key={col.id} className="h-11 w-20 rounded bg-slate-100 text-center text-slate-600" title={t("why.self")}>
                        <span aria-hidden>·</span>
                        <span className="sr-only">{t("why.self")}</span>
                      </td>
                    );
                  }
                  const p = pairOf(row.id, col.id);
                  const value = p ? metric.value(p) : null;
                  const why = t(`why.${p ? metric.why(p) : "f1"}`);
                  const colours = cellColours(value, metric.stops);
                  return (
                    <td
                      key={col.id}
                      className="h-11 w-20 rounded text-center font-medium tabular-nums"
                      style={colours}
                      title={`${name(row.id)} × ${name(col.id)}: ${value === null ? why : formatScore(value)}`}
                      data-testid="heatmap-cell"
                    >
                      {value === null ? (
                        <>
                          <span aria-hidden>—</span>
                          <span className="sr-only">{why}</span>
                        </>
                      ) : (
                        formatScore(value)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
