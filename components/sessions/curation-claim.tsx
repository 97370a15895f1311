import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useReadingText } from "@/components/reader/use-reading-text";
import type { ClaimTypeView } from "@/components/reader/types";
import { Button } from "@/components/ui/button";
import { ClaimTypeDot } from "@/components/ui/claim-type-dot";
import type { CurationView } from "@/lib/server/curation";
import { DETAIL_ROWS, type DetailRow, detailValues, sliceClamped } from "./curation-units";

export type CurationUnit = CurationView["units"][number];
export type UnitClaim = CurationUnit["claims"][number];
type FieldsClaim = Pick<UnitClaim, "claimTypeId" | "speakers" | "modality" | "fields" | "actors" | "actorEntities" | "note">;

/** Which fields differ between the unit's claims: the service's `differences`, with the detail rows told apart. */
export type FieldDiff = { span: boolean; claimType: boolean; speaker: boolean; modality: boolean; details: ReadonlySet<DetailRow> };

/** Marks a field whose value is not the same for every annotator (in words, not colour alone). */
export function DiffersBadge() {
  const t = useTranslations("sessions.curation.claim");
  return <span className="ml-1 rounded bg-amber-200 px-1 text-[10px] font-semibold uppercase tracking-wide text-amber-950">{t("differs")}</span>;
}

/** The unit's words with this claim's own span highlighted and the rest of the union greyed. */
export function QuoteInUnit({
  text,
  unit,
  claim,
}: {
  text: string;
  unit: Pick<CurationUnit, "start" | "end">;
  claim: { start: number; end: number; exact: string; orphaned: boolean };
}) {
  const t = useTranslations("sessions.curation.claim");
  if (claim.orphaned) {
    return (
      <blockquote className="border-l-4 border-amber-400 pl-2 text-sm italic">
        {claim.exact}
        <span className="block text-xs not-italic text-amber-900">{t("orphaned")}</span>
      </blockquote>
    );
  }
  return (
    <blockquote className="max-h-32 overflow-auto border-l-4 border-slate-300 pl-2 text-sm italic leading-relaxed">
      <span className="text-slate-500">{sliceClamped(text, unit.start, Math.max(unit.start, claim.start))}</span>
      <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{sliceClamped(text, claim.start, claim.end)}</mark>
      <span className="text-slate-500">{sliceClamped(text, Math.min(unit.end, claim.end), unit.end)}</span>
    </blockquote>
  );
}

/** A claim's labels and details as rows; rows named in `diff` are highlighted and marked "differs". */
export function ClaimFields({ c, type, diff }: { c: FieldsClaim; type?: ClaimTypeView; diff?: FieldDiff }) {
  const t = useTranslations("sessions.curation.claim");
  const modality = useTranslations("reader.modality");
  const readingText = useReadingText();
  const values = detailValues(c);
  const details: Record<DetailRow, string> = { ...values, Date: readingText.writtenDate(values.Date, values.dateValue ?? undefined) };
  const rows: [string, ReactNode, boolean][] = [
    [
      t("type"),
      <span key="type" className="inline-flex items-center gap-1.5">
        <ClaimTypeDot color={type?.color} />
        {type?.label ?? t("unknownType")}
      </span>,
      diff?.claimType ?? false,
    ],
    [
      t("speaker", { count: c.speakers.length }),
      c.speakers.length ? (
        readingText.names(c.speakers.map((s) => s.name))
      ) : (
        <span key="none" className="text-slate-500">
          {t("noSpeaker")}
        </span>
      ),
      diff?.speaker ?? false,
    ],
    [t("modality"), modality(c.modality), diff?.modality ?? false],
    ...DETAIL_ROWS.map((row): [string, ReactNode, boolean] => [t(`rows.${row}`), details[row], diff?.details.has(row) ?? false]),
    [t("note"), c.note ?? "", false],
  ];
  return (
    <dl className="grid grid-cols-[5.5rem_1fr] gap-x-2 gap-y-0.5 text-sm">
      {rows
        // A differing row stays, empty or not: "nothing" against "something" is the difference.
        .filter(([, v, differs]) => v || differs)
        .map(([k, v, differs]) => (
          <div key={k} className={clsx("contents", differs && "[&>*]:bg-amber-50")} data-differs={differs || undefined}>
            <dt className={clsx("rounded-l px-1 text-slate-500", differs && "font-medium text-amber-900")}>
              {k}
              {differs && <DiffersBadge />}
            </dt>
            <dd className="min-w-0 whitespace-pre-wrap break-words rounded-r px-1">{v || <span className="text-slate-500">—</span>}</dd>
          </div>
        ))}
    </dl>
  );
}

/** One annotator's claim in a unit, with the buttons that accept it as it is or after editing. */
export function ClaimColumn({
  name,
  shortcut,
  text,
  unit,
  claim,
  type,
  diff,
  actions,
  onAccept,
  onEdit,
}: {
  name: string;
  shortcut: number | null;
  text: string;
  unit: CurationUnit;
  claim: UnitClaim | null;
  type?: ClaimTypeView;
  diff: FieldDiff;
  /** Show the buttons (the unit is open and the session is not closed). */
  actions: { disabled: boolean } | null;
  onAccept: () => void;
  onEdit: () => void;
}) {
  const t = useTranslations("sessions.curation.claim");
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-200 bg-white p-2" data-testid="claim-column">
      <legend className="sr-only">{t("legend", { name })}</legend>
      <p className="flex items-center gap-1.5 text-sm font-semibold">
        {shortcut !== null && (
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[10px] text-slate-600" title={t("shortcut", { key: shortcut })}>
            {shortcut}
          </kbd>
        )}
        <span className="truncate">{name}</span>
        {claim && diff.span && (
          <span className="ml-auto">
            <span className="sr-only">{t("span")}</span>
            <DiffersBadge />
          </span>
        )}
      </p>
      {claim ? (
        <>
          <QuoteInUnit text={text} unit={unit} claim={claim} />
          <ClaimFields c={claim} type={type} diff={diff} />
          {actions && (
            <span className="mt-auto flex flex-wrap gap-1.5 pt-1">
              <Button size="sm" onClick={onAccept} disabled={actions.disabled} aria-label={t("acceptLabel", { name })} data-testid="accept-claim">
                {t("accept")}
              </Button>
              <Button size="sm" variant="secondary" onClick={onEdit} disabled={actions.disabled} aria-label={t("editLabel", { name })}>
                {t("edit")}
              </Button>
            </span>
          )}
        </>
      ) : (
        <p className="text-sm italic text-slate-500" data-testid="no-claim">
          {t("noClaim")}
        </p>
      )}
    </fieldset>
  );
}
