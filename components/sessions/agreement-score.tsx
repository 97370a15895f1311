import { clsx } from "clsx";
import { formatScore } from "./agreement-format";

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

/** Annotator names by id; someone no longer in the session is called `former` (the catalogue's words). */
export function namer(annotators: { id: string; name: string }[], former: string) {
  const names = new Map(annotators.map((a) => [a.id, a.name]));
  return (id: string) => names.get(id) ?? former;
}
