"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ClaimReviewPanel } from "@/components/review/claim-review-panel";
import { foldForMatch } from "@/lib/domain/claim-types";
import { describeStoredDate, joinNames, quantitiesText, quoteBeforeReview } from "./claim-readings";
import { MODALITY_LABELS } from "./modality";
import type { ClaimTypeView, ReaderAnnotation } from "./types";

type StoredFields = { date?: string; dateValue?: string; item?: string };

export function ClaimDetails({
  a,
  type,
  canEdit,
  onEdit,
  onDelete,
  onConfirmAnchor,
  onRemark,
}: {
  a: ReaderAnnotation;
  type?: ClaimTypeView;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  /** Accept the re-anchored position of a claim that needs review. */
  onConfirmAnchor?: () => void;
  /** Mark the claim's words again by hand. */
  onRemark?: () => void;
}) {
  const tActors = useTranslations("reader.actors");
  const fields = (a.fields ?? {}) as StoredFields;
  const reading = describeStoredDate(fields.dateValue);
  const date = fields.date && (reading && foldForMatch(reading) !== foldForMatch(fields.date) ? `${fields.date} (reads as ${reading})` : fields.date);
  const actors: ReactNode[] = [
    ...a.actorEntities.map((e) => <span key={`e-${e.id}`}>{e.name}</span>),
    ...a.actors.map((name, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: free-text actors may repeat; their order is fixed
      <span key={`t-${i}`} title={tActors("textTitle")} className="rounded border border-dashed border-slate-400 px-1 italic">
        {name}
      </span>
    )),
  ];
  const rows: [string, ReactNode][] = [
    [
      a.speakers.length > 1 ? "Speakers" : "Speaker",
      a.speakers.length ? (
        joinNames(a.speakers.map((s) => s.name))
      ) : (
        <span key="none" className="text-slate-500">
          not named
        </span>
      ),
    ],
    ["Modality", MODALITY_LABELS[a.modality]],
    ["Date", date],
    ["Counts", quantitiesText(a.fields)],
    ["Item", fields.item],
    [
      "Actors",
      actors.length ? (
        <span key="actors" className="flex flex-wrap gap-x-2 gap-y-0.5">
          {actors}
        </span>
      ) : undefined,
    ],
    ["Note", a.note ?? undefined],
  ];
  const before = quoteBeforeReview(a.anchorReview);
  return (
    <section aria-label="Selected claim" className="space-y-2" data-testid="claim-details">
      <p className="flex items-center gap-2 text-sm font-semibold">
        <span
          className="claim-ink h-3 w-3 rounded-full bg-(--claim-ink)"
          style={{ "--claim-color": type?.color ?? "#888" } as React.CSSProperties}
          aria-hidden
        />
        {type?.label ?? "Claim"}
        <span className="ml-auto text-xs font-normal text-slate-500">
          by {a.author.name} · v{a.version}
        </span>
      </p>
      <ClaimReviewPanel a={a} />
      {a.orphaned && <Alert tone="warning">This claim&apos;s quote is no longer in the paragraph; edit the text back or delete the claim.</Alert>}
      {a.needsReview && !a.orphaned && (
        <Alert tone="warning" className="space-y-1.5">
          <p>
            <strong>Needs review.</strong> A text correction changed these words; this claim is re-anchored to the words shown and is not counted in verdicts
            until someone confirms it.
          </p>
          {before && (
            <p>
              Before the correction: <q className="italic">{before}</q>
            </p>
          )}
          {canEdit && (onConfirmAnchor || onRemark) && (
            <span className="flex gap-2">
              {onConfirmAnchor && (
                <Button size="sm" variant="secondary" onClick={onConfirmAnchor}>
                  Confirm this position
                </Button>
              )}
              {onRemark && (
                <Button size="sm" variant="ghost" onClick={onRemark}>
                  Re-mark
                </Button>
              )}
            </span>
          )}
        </Alert>
      )}
      <blockquote
        className="claim-ink border-l-4 border-(--claim-ink) pl-3 text-sm italic text-slate-700"
        style={{ "--claim-color": type?.color ?? "#888" } as React.CSSProperties}
      >
        {a.exact}
      </blockquote>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1 text-sm">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd className="whitespace-pre-wrap break-words">{v}</dd>
            </div>
          ))}
      </dl>
      {canEdit && (
        <div className="flex gap-2 pt-1">
          <Button size="sm" variant="secondary" onClick={onEdit}>
            Edit <kbd className="text-[10px] text-slate-500">E</kbd>
          </Button>
          <Button size="sm" variant="danger" onClick={onDelete}>
            Delete <kbd className="text-[10px] text-red-100">Del</kbd>
          </Button>
        </div>
      )}
    </section>
  );
}
