"use client";

import { memo, useMemo } from "react";
import { layoutHighlights } from "@/lib/domain/highlight-layout";
import type { ClaimTypeView, ReaderAnnotation } from "./types";

type Props = {
  passage: { id: string; position: number; text: string; isDuplicate: boolean };
  annotations: ReaderAnnotation[];
  typeById: Map<string, ClaimTypeView>;
  activeId: string | null;
  onClaimClick: (ids: string[]) => void;
};

/** One paragraph, rendered as text, with claims highlighted in their type's colour. */
export const PassageView = memo(function PassageView({ passage, annotations, typeById, activeId, onClaimClick }: Props) {
  const segments = useMemo(() => layoutHighlights(passage.text, annotations), [passage.text, annotations]);
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  return (
    <div className="group relative">
      <span contentEditable={false} className="absolute -left-9 top-0.5 w-7 select-none text-right text-xs tabular-nums text-slate-400" aria-hidden>
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
          const labels = s.ids.map((id) => typeById.get(byId.get(id)!.claimTypeId)?.label ?? "claim").reverse();
          return (
            <mark
              key={s.from}
              className="claim-mark text-inherit"
              data-claim-ids={s.ids.join(" ")}
              data-depth={Math.min(s.ids.length, 3)}
              data-active={s.ids.includes(activeId ?? "") ? "true" : undefined}
              title={labels.join(" + ")}
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
        <span contentEditable={false} className="mt-1 inline-block select-none rounded bg-amber-100 px-1.5 text-xs text-amber-900">Repeats an earlier paragraph (e.g. a photo caption)</span>
      )}
    </div>
  );
});
