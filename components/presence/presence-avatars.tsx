import { useTranslations } from "next-intl";
import type { Viewer } from "@/lib/domain/presence";

const MAX_SHOWN = 5;
// Dark enough for white initials (WCAG AA at this size).
const PALETTE = ["#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be123c", "#0f766e", "#4338ca", "#a21caf"];

function colorFor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? "#334155";
}

/** The other people who have this article open, as initials (names in the tooltip and for screen readers). */
export function PresenceAvatars({ viewers }: { viewers: Viewer[] }) {
  const t = useTranslations("presence");
  const others = viewers.filter((v) => !v.you);
  if (others.length === 0) return null;
  const shown = others.slice(0, MAX_SHOWN);
  const more = others.length - shown.length;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of avatars, not a form fieldset
    <div role="group" aria-label={t("alsoViewing")} className="mr-2 flex items-center -space-x-1.5" data-testid="presence">
      {shown.map((v) => {
        const label = v.editingAnnotationId ? t("editingClaim", { name: v.name }) : v.name;
        return (
          <span
            key={v.userId}
            title={label}
            className="inline-flex h-7 w-7 items-center justify-center rounded-full border-2 border-white text-[11px] font-semibold text-white"
            style={{ backgroundColor: colorFor(v.userId) }}
          >
            <span aria-hidden="true">{v.initials}</span>
            <span className="sr-only">{label}</span>
          </span>
        );
      })}
      {more > 0 && (
        <span
          title={others
            .slice(MAX_SHOWN)
            .map((v) => v.name)
            .join(", ")}
          className="inline-flex h-7 min-w-7 items-center justify-center rounded-full border-2 border-white bg-slate-200 px-1 text-[11px] font-semibold text-slate-700"
        >
          +{more}
          <span className="sr-only"> {t("more")}</span>
        </span>
      )}
    </div>
  );
}
