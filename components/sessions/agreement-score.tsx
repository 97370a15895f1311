import { clsx } from "clsx";
import type { LabelDimension, PairAgreement } from "@/lib/domain/agreement/types";
import { formatScore, WHY_UNDEFINED } from "./agreement-format";

export const DIMENSION_LABELS: Record<LabelDimension, string> = { claimType: "Claim type", speaker: "Speaker", modality: "Modality" };

/** A figure with three decimals, or "—" whose tooltip (and screen-reader text) says why it is undefined. */
export function Score({ value, why, className }: { value: number | null; why: string; className?: string }) {
  if (value === null) {
    return (
      <span title={why} className={clsx("cursor-help text-slate-500", className)} data-testid="score-undefined">
        <span aria-hidden>—</span>
        <span className="sr-only">{why}</span>
      </span>
    );
  }
  return <span className={clsx("tabular-nums", className)}>{formatScore(value)}</span>;
}

/** Why a pair's Cohen's kappa is null. */
export const whyNoCohen = (p: Pick<PairAgreement, "units">) => (p.units === 0 ? WHY_UNDEFINED.cohenNoUnits : WHY_UNDEFINED.cohenChance);

/** Annotator names by id; someone no longer in the session still gets a label. */
export function namer(annotators: { id: string; name: string }[]) {
  const names = new Map(annotators.map((a) => [a.id, a.name]));
  return (id: string) => names.get(id) ?? "Former annotator";
}
