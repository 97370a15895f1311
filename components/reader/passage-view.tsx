"use client";

import { useTranslations } from "next-intl";
import { memo, useMemo } from "react";
import { layoutHighlights } from "@/lib/domain/highlight-layout";
import { codePointLength } from "@/lib/domain/text";
import type { ClaimTypeView, ReaderAnnotation } from "./types";

type Props = {
  passage: { id: string; position: number; text: string; isDuplicate: boolean; isCaption?: boolean };
  annotations: ReaderAnnotation[];
  typeById: Map<string, ClaimTypeView>;
  activeId: string | null;
  onClaimClick: (ids: string[]) => void;
  /** Present for editors: opens the correction dialog for this paragraph. */
  onCorrect?: (passageId: string) => void;
};

/** One paragraph, rendered as text, with claims highlighted in their type's colour. */
export const PassageView = memo(function PassageView({ passage, annotations, typeById, activeId, onClaimClick, onCorrect }: Props) {
  const t = useTranslations("reader.passage");
  // Orphaned claims keep offsets into the old text, so they are listed but never highlighted;
  // a range that does not fit the current text is skipped rather than clamped onto other words.
  const anchored = useMemo(() => {
    const length = codePointLength(passage.text);
    return annotations.filter((a) => !a.orphaned && a.start >= 0 && a.start < a.end && a.end <= length);
  }, [passage.text, annotations]);
  const segments = useMemo(() => layoutHighlights(passage.text, anchored), [passage.text, anchored]);
  const byId = useMemo(() => new Map(anchored.map((a) => [a.id, a])), [anchored]);
  return (
    <div className="group relative">
      <span contentEditable={false} className="absolute -left-9 top-0.5 w-7 select-none text-right text-xs tabular-nums text-slate-500" aria-hidden>
        {passage.position + 1}
      </span>
      <p
        id={`p-${passage.position}`}
        data-passage-id={passage.id}
        data-testid={`passage-${passage.position}`}
        className={`scroll-mt-20 whitespace-pre-wrap leading-7 ${passage.isDuplicate ? "text-slate-500" : ""}`}
      >
        {segments.map((s) => {
          const text = passage.text.slice(s.from, s.to);
          if (s.ids.length === 0) return <span key={s.from}>{text}</span>;
          const colors = s.ids.map((id) => typeById.get(byId.get(id)!.claimTypeId)?.color ?? "#888").reverse();
          const labels = s.ids.map((id) => typeById.get(byId.get(id)!.claimTypeId)?.label ?? t("claim")).reverse();
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users move between claims with j/k and Enter; the click is a shortcut for the mouse
            <mark
              key={s.from}
              className="claim-ink claim-mark text-inherit"
              data-claim-ids={s.ids.join(" ")}
              data-depth={Math.min(s.ids.length, 3)}
              data-active={s.ids.includes(activeId ?? "") ? "true" : undefined}
              data-needs-review={s.ids.some((id) => byId.get(id)!.needsReview) ? "true" : undefined}
              title={`${labels.join(" + ")}${s.ids.some((id) => byId.get(id)!.needsReview) ? t("needsReviewSuffix") : ""}`}
              style={{ "--claim-color": colors[0], "--claim-color-2": colors[1], "--claim-color-3": colors[2] } as React.CSSProperties}
              onClick={(e) => {
                if (!window.getSelection()?.isCollapsed) return;
                e.preventDefault();
                onClaimClick([...s.ids].reverse());
              }}
            >
              {text}
            </mark>
          );
        })}
      </p>
      {passage.isDuplicate && (
        <span contentEditable={false} className="mt-1 inline-block select-none rounded bg-amber-100 px-1.5 text-xs text-amber-900">
          {t("duplicate")}
        </span>
      )}
      {!passage.isDuplicate && passage.isCaption && (
        <span contentEditable={false} className="mt-1 inline-block select-none rounded bg-slate-100 px-1.5 text-xs text-slate-700">
          {t("caption")}
        </span>
      )}
      {/* Below sm the article's right padding cannot hold it, so it sits in the left gutter under the number. */}
      {onCorrect && (
        <button
          type="button"
          contentEditable={false}
          aria-label={t("correct", { n: passage.position + 1 })}
          title={t("correctTitle")}
          onClick={() => onCorrect(passage.id)}
          className="absolute -left-8 top-7 select-none sm:left-auto sm:-right-10 sm:top-0 rounded p-1 text-slate-500 opacity-0 hover:bg-slate-100 hover:text-slate-900 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-600 group-hover:opacity-100"
        >
          <svg viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor" aria-hidden>
            <path d="M13.6 2.6a2 2 0 0 1 2.8 0l1 1a2 2 0 0 1 0 2.8l-9.3 9.3-4 1.1a.6.6 0 0 1-.8-.8l1.1-4 9.2-9.4Zm-8 10.2-.6 2.2 2.2-.6 7.4-7.4-1.6-1.6-7.4 7.4Z" />
          </svg>
        </button>
      )}
    </div>
  );
});
