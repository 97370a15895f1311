"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ClaimReviewPanel } from "@/components/review/claim-review-panel";
import { quantitiesText, quoteBeforeReview } from "./claim-readings";
import type { ClaimTypeView, ReaderAnnotation } from "./types";
import { useReadingText } from "./use-reading-text";

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
  const t = useTranslations("reader.details");
  const tm = useTranslations("reader.modality");
  const tActors = useTranslations("reader.actors");
  const fields = (a.fields ?? {}) as StoredFields;
  const readingText = useReadingText();
  const date = readingText.writtenDate(fields.date, fields.dateValue);
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
      t("speakers", { count: a.speakers.length }),
      a.speakers.length ? (
        readingText.names(a.speakers.map((s) => s.name))
      ) : (
        <span key="none" className="text-slate-500">
          {t("notNamed")}
        </span>
      ),
    ],
    [t("modality"), tm(a.modality)],
    [t("date"), date],
    [t("counts"), quantitiesText(a.fields)],
    [t("item"), fields.item],
    [
      t("actors"),
      actors.length ? (
        <span key="actors" className="flex flex-wrap gap-x-2 gap-y-0.5">
          {actors}
        </span>
      ) : undefined,
    ],
    [t("note"), a.note ?? undefined],
  ];
  const before = quoteBeforeReview(a.anchorReview);
  return (
    <section aria-label={t("label")} className="space-y-2" data-testid="claim-details">
      <p className="flex items-center gap-2 text-sm font-semibold">
        <span
          className="claim-ink h-3 w-3 rounded-full bg-(--claim-ink)"
          style={{ "--claim-color": type?.color ?? "#888" } as React.CSSProperties}
          aria-hidden
        />
        {type?.label ?? t("claim")}
        <span className="ml-auto text-xs font-normal text-slate-500">{t("author", { name: a.author.name, version: a.version })}</span>
      </p>
      <ClaimReviewPanel a={a} />
      {a.orphaned && <Alert tone="warning">{t("orphaned")}</Alert>}
      {a.needsReview && !a.orphaned && (
        <Alert tone="warning" className="space-y-1.5">
          <p>{t.rich("needsReview", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          {before && <p>{t.rich("before", { quote: before, q: (chunks) => <q className="italic">{chunks}</q> })}</p>}
          {canEdit && (onConfirmAnchor || onRemark) && (
            <span className="flex gap-2">
              {onConfirmAnchor && (
                <Button size="sm" variant="secondary" onClick={onConfirmAnchor}>
                  {t("confirm")}
                </Button>
              )}
              {onRemark && (
                <Button size="sm" variant="ghost" onClick={onRemark}>
                  {t("remark")}
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
            {t.rich("edit", { kbd: (chunks) => <kbd className="text-[10px] text-slate-500">{chunks}</kbd> })}
          </Button>
          <Button size="sm" variant="danger" onClick={onDelete}>
            {t.rich("delete", { kbd: (chunks) => <kbd className="text-[10px] text-red-100">{chunks}</kbd> })}
          </Button>
        </div>
      )}
    </section>
  );
}
