import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ClaimTypeView } from "@/components/reader/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { codePointLength } from "@/lib/domain/text";
import { ClaimColumn, ClaimFields, type CurationUnit, type FieldDiff, QuoteInUnit } from "./curation-claim";
import { differingDetails, EXCERPT_CONTEXT, sliceClamped } from "./curation-units";

export type UnitError = { message: string; conflict: boolean };

const DIFF_WORDS = ["span", "claimType", "speaker", "modality", "details"] as const satisfies readonly (keyof CurationUnit["differences"])[];

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

/** One unit: the paragraph around it, each annotator's claim side by side, and its decision or the buttons to make one. */
export function CurationUnitCard({
  unit,
  number,
  inside,
  paragraph,
  text,
  annotatorIds,
  name,
  typeById,
  active,
  busy,
  closed,
  error,
  editor,
  onFocus,
  onAccept,
  onEdit,
  onReject,
  onUndo,
  onRefresh,
}: {
  unit: CurationUnit & { depth: number };
  number: number;
  /** The number of the unit this one lies inside, if any. */
  inside: number | null;
  paragraph: number;
  text: string;
  annotatorIds: string[];
  name: (userId: string | null) => string;
  typeById: Map<string, ClaimTypeView>;
  active: boolean;
  busy: boolean;
  closed: boolean;
  error: UnitError | null;
  /** The open "Edit and accept" form, if it belongs to this unit. */
  editor: ReactNode;
  onFocus: () => void;
  onAccept: (claimId: string) => void;
  onEdit: (claimId: string) => void;
  onReject: () => void;
  onUndo: (decisionId: string) => void;
  onRefresh: () => void;
}) {
  const t = useTranslations("sessions.curation.unit");
  const d = unit.differences;
  const diff: FieldDiff = {
    span: d.span,
    claimType: d.claimType,
    speaker: d.speaker,
    modality: d.modality,
    details: d.details ? differingDetails(unit.claims) : new Set(),
  };
  const differing = DIFF_WORDS.filter((k) => d[k]).map((k) => t(`diff.${k}`));
  const missing = unit.missing.map((id) => name(id));
  const length = codePointLength(text);
  const before = Math.max(0, unit.start - EXCERPT_CONTEXT);
  const after = Math.min(length, unit.end + EXCERPT_CONTEXT);
  const headingId = `unit-${unit.key}-heading`;
  const open = !unit.decision && !closed;

  return (
    <article
      id={`unit-${unit.key}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-current={active ? "true" : undefined}
      onFocus={onFocus}
      className={clsx(
        "space-y-3 rounded-lg border p-3 outline-none",
        active ? "border-blue-500 ring-2 ring-blue-500/40" : "border-slate-200",
        unit.decision ? "bg-slate-50" : "bg-white",
      )}
      data-testid="curation-unit"
      data-unit-key={unit.key}
      data-decided={unit.decision ? unit.decision.decision.toLowerCase() : undefined}
    >
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <h2 id={headingId} className="font-semibold">
          {t("heading", { number })}
        </h2>
        <span className="text-slate-500">¶{paragraph}</span>
        {inside !== null && <span className="text-xs text-slate-500">{t("inside", { number: inside })}</span>}
        {d.agreed ? (
          <span className="rounded bg-emerald-100 px-1.5 text-xs font-medium text-emerald-900">{t("allAgree")}</span>
        ) : (
          differing.length > 0 && (
            <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">{t("differs", { list: differing.join(", ") })}</span>
          )
        )}
        {missing.length > 0 && <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">{t("missing", { names: missing.join(", ") })}</span>}
      </header>

      <blockquote className="rounded-md bg-slate-50 px-3 py-2 text-sm leading-relaxed text-slate-700" aria-label={t("paragraph")}>
        {before > 0 && "… "}
        {sliceClamped(text, before, unit.start)}
        <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{sliceClamped(text, unit.start, unit.end)}</mark>
        {sliceClamped(text, unit.end, after)}
        {after < length && " …"}
      </blockquote>

      <div className="grid gap-2 overflow-x-auto" style={{ gridTemplateColumns: `repeat(${annotatorIds.length}, minmax(13rem, 1fr))` }}>
        {annotatorIds.map((id, i) => {
          const claim = unit.claims.find((c) => c.authorId === id) ?? null;
          return (
            <ClaimColumn
              key={id}
              name={name(id)}
              shortcut={open && claim && i < 9 ? i + 1 : null}
              text={text}
              unit={unit}
              claim={claim}
              type={claim ? typeById.get(claim.claimTypeId) : undefined}
              diff={diff}
              actions={open ? { disabled: busy } : null}
              onAccept={() => claim && onAccept(claim.id)}
              onEdit={() => claim && onEdit(claim.id)}
            />
          );
        })}
      </div>

      {editor}
      {error && (
        <Alert>
          {error.message}
          {error.conflict && (
            <button type="button" className="ml-2 font-medium underline" onClick={onRefresh}>
              {t("refresh")}
            </button>
          )}
        </Alert>
      )}
      {unit.decision ? (
        <Decision unit={unit} name={name} typeById={typeById} text={text} closed={closed} busy={busy} onUndo={onUndo} />
      ) : (
        open && (
          <div className="flex justify-end">
            <Button size="sm" variant="secondary" onClick={onReject} disabled={busy} data-testid="reject-unit">
              {t("reject")} <kbd className="text-[10px] text-slate-500">x</kbd>
            </Button>
          </div>
        )
      )}
    </article>
  );
}

function Decision({
  unit,
  name,
  typeById,
  text,
  closed,
  busy,
  onUndo,
}: {
  unit: CurationUnit;
  name: (userId: string | null) => string;
  typeById: Map<string, ClaimTypeView>;
  text: string;
  closed: boolean;
  busy: boolean;
  onUndo: (decisionId: string) => void;
}) {
  const t = useTranslations("sessions.curation.unit");
  const decision = unit.decision!;
  const accepted = decision.decision === "ACCEPTED";
  const chosen = unit.claims.find((c) => c.id === decision.chosenId);
  const result = decision.result;
  return (
    <div
      className={clsx("space-y-2 rounded-md border p-2 text-sm", accepted ? "border-emerald-300 bg-emerald-50" : "border-rose-300 bg-rose-50")}
      data-testid="unit-decision"
    >
      <p className="flex flex-wrap items-center gap-2">
        <strong>{accepted ? (chosen ? t("acceptedClaim", { name: name(chosen.authorId) }) : t("accepted")) : t("rejected")}</strong>
        {accepted && chosen && result && editedFrom(chosen, result) && <span className="text-xs">{t("edited")}</span>}
        <span className="text-xs text-slate-600">{t("decidedBy", { name: name(decision.decidedById), date: day(decision.decidedAt) })}</span>
        {!closed && (
          <Button size="sm" variant="secondary" className="ml-auto" onClick={() => onUndo(decision.id)} disabled={busy} data-testid="undo-decision">
            {t("undo")} <kbd className="text-[10px] text-slate-500">u</kbd>
          </Button>
        )}
      </p>
      {accepted &&
        (result ? (
          <div className="space-y-1.5 rounded border border-emerald-200 bg-white p-2" data-testid="reconciled-claim">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("reconciled")}</p>
            <QuoteInUnit text={text} unit={unit} claim={result} />
            <ClaimFields c={result} type={typeById.get(result.claimTypeId)} />
          </div>
        ) : (
          <p className="text-xs text-slate-600">{t("reconciledGone")}</p>
        ))}
    </div>
  );
}

type Comparable = {
  claimTypeId: string;
  modality: string;
  note: string | null;
  fields: unknown;
  actors: string[];
  speakers: { id: string }[];
  actorEntities: { id: string }[];
};
const keyOf = (c: Comparable) =>
  JSON.stringify([c.claimTypeId, c.modality, c.note ?? "", c.fields ?? {}, c.actors, c.speakers.map((s) => s.id), c.actorEntities.map((a) => a.id)]);

/** Whether the reconciled claim was edited on acceptance (it differs from the claim it was copied from). */
function editedFrom(chosen: Comparable, result: Comparable): boolean {
  return keyOf(chosen) !== keyOf(result);
}
