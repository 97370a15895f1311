import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { VerdictKind } from "@/lib/domain/comparison";

export type StanceValue = "SUPPORTS" | "REFUTES" | "NEUTRAL";

// Glyphs carry the meaning too, so nothing depends on colour alone.
export const STANCE_META: Record<StanceValue, { glyph: string; cls: string }> = {
  SUPPORTS: { glyph: "✔", cls: "bg-emerald-100 text-emerald-900 border-emerald-300" },
  REFUTES: { glyph: "✖", cls: "bg-rose-100 text-rose-900 border-rose-300" },
  NEUTRAL: { glyph: "○", cls: "bg-slate-100 text-slate-700 border-slate-300" },
};

export const VERDICT_META: Record<VerdictKind, { glyph: string; cls: string }> = {
  conflict: { glyph: "⚡", cls: "bg-rose-600 text-white" },
  detail_conflict: { glyph: "≠", cls: "bg-amber-700 text-white" },
  single_origin: { glyph: "①", cls: "bg-sky-700 text-white" },
  agree: { glyph: "✔", cls: "bg-emerald-700 text-white" },
  unverified: { glyph: "?", cls: "bg-slate-500 text-white" },
  no_mentions: { glyph: "–", cls: "bg-slate-200 text-slate-700" },
};

export function StanceBadge({ stance, className }: { stance: StanceValue; className?: string }) {
  const t = useTranslations("propositions");
  const m = STANCE_META[stance];
  return (
    <span className={clsx("inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium", m.cls, className)}>
      <span aria-hidden>{m.glyph}</span>
      {t(`stance.${stance}`)}
    </span>
  );
}

export function VerdictBadge({ kind, className }: { kind: VerdictKind; className?: string }) {
  const t = useTranslations("propositions");
  const m = VERDICT_META[kind];
  return (
    <span
      className={clsx("inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold", m.cls, className)}
      data-testid="verdict-badge"
    >
      <span aria-hidden>{m.glyph}</span>
      {t(`verdict.${kind}`)}
    </span>
  );
}
