"use client";

import * as Popover from "@radix-ui/react-popover";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { getMatrix } from "@/lib/server/comparison";
import { STANCE_META } from "./badges";
import { CellQuotesList } from "./cell-quotes";
import { LiveVerdictBadge } from "./live-verdict";

type Matrix = Awaited<ReturnType<typeof getMatrix>>;
/**
 * A row as the table shows it: the verdict's kind, origin counts and sentence (in the reader's
 * language, built on the server), not the whole verdict, which is most of the matrix's weight.
 */
export type MatrixViewRow = Omit<Matrix["rows"][number], "verdict"> & {
  verdict: { kind: Matrix["rows"][number]["verdict"]["kind"]; supports: number; refutes: number; sentence: string };
};
type Mode = Matrix["filter"]["columns"];

const MIXED = { glyph: "±", cls: "bg-amber-100 text-amber-900 border-amber-300" };

/** Propositions × sources; each cell a stance glyph (never colour alone), click for the quotes. */
export function MatrixTable({
  workspaceId,
  slug,
  mode,
  rows,
  columns,
}: {
  workspaceId: string;
  slug: string;
  mode: Mode;
  rows: MatrixViewRow[];
  columns: Matrix["columns"];
}) {
  const t = useTranslations("matrix");
  const tp = useTranslations("propositions");
  const [open, setOpen] = useState<OpenCell | null>(null);
  // One handler for every cell (a button's click, by mouse or keyboard, bubbles here).
  const onCellClick = (e: React.MouseEvent) => {
    const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>("button[data-column]") : null;
    const { row: rowId, column: columnKey } = button?.dataset ?? {};
    if (!button || rowId === undefined || columnKey === undefined) return;
    setOpen(open?.rowId === rowId && open.columnKey === columnKey ? null : { rowId, columnKey, anchor: button });
  };
  // What the popover shows comes from the rows as they are now: a live refresh may change a count,
  // or take the cell away (then the popover closes).
  const openRow = open && rows.find((r) => r.id === open.rowId);
  const openCell = open && openRow?.cells[open.columnKey];
  const shown =
    open && openRow && openCell
      ? { ...open, statement: openRow.statement, count: openCell.count, column: columns.find((c) => c.key === open.columnKey)?.label ?? open.columnKey }
      : null;
  return (
    <div className="min-w-0">
      <p className="mb-2 flex flex-wrap gap-3 text-xs text-slate-600">
        <span className="sr-only">{t("legend")}</span>
        {(["SUPPORTS", "REFUTES", "NEUTRAL"] as const).map((s) => (
          <span key={s} className="inline-flex items-center gap-1">
            <span className={`inline-block w-5 rounded border text-center ${STANCE_META[s].cls}`} aria-hidden>
              {STANCE_META[s].glyph}
            </span>
            {tp(`stance.${s}`)}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span className={`inline-block w-5 rounded border text-center ${MIXED.cls}`} aria-hidden>
            {MIXED.glyph}
          </span>
          {t("mixed")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block w-5 text-center text-slate-300" aria-hidden>
            ·
          </span>
          {t("silent")}
        </span>
      </p>
      {/* The matrix scrolls inside itself (both ways) so the page never does. */}
      <section
        className="max-h-[70vh] max-w-full overflow-auto overscroll-contain rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        data-testid="matrix"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be focusable so keyboard users can scroll it
        tabIndex={0}
        aria-label={t("region")}
      >
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: the clicks are the cells' buttons', keyboard ones included */}
        <table className="border-separate border-spacing-0 text-sm" onClick={onCellClick}>
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 top-0 z-30 min-w-44 border-b border-r border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs uppercase text-slate-500 sm:min-w-80"
              >
                {t("proposition")}
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="sticky top-0 z-20 h-36 w-10 min-w-10 border-b border-slate-200 bg-slate-50 align-bottom">
                  <span
                    className="mx-auto block max-h-32 overflow-hidden text-ellipsis whitespace-nowrap pb-2 text-left text-xs font-medium text-slate-700 [writing-mode:vertical-rl] rotate-180"
                    title={t("columnTitle", { label: c.label, count: c.count })}
                  >
                    {c.label}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50" data-testid="matrix-row">
                <th
                  scope="row"
                  className="sticky left-0 z-10 min-w-44 max-w-[60vw] border-b border-r border-slate-200 bg-white px-3 py-2 text-left font-normal sm:max-w-md"
                >
                  <Link href={`/w/${slug}/propositions/${r.id}`} className="break-words font-medium text-blue-800 hover:underline">
                    {r.statement}
                  </Link>
                  <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <LiveVerdictBadge kind={r.verdict.kind} />
                    {r.claimType && <span>{r.claimType.label}</span>}
                    <span>{t("rowCounts", { mentions: r.mentionCount, supports: r.verdict.supports, refutes: r.verdict.refutes })}</span>
                  </div>
                  <p className="mt-1 text-xs text-slate-600">{r.verdict.sentence}</p>
                </th>
                {columns.map((c) => (
                  <Cell
                    key={c.key}
                    cell={r.cells[c.key]}
                    column={c.label}
                    rowId={r.id}
                    columnKey={c.key}
                    expanded={open?.rowId === r.id && open.columnKey === c.key}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <CellPopover open={shown} onClose={() => setOpen(null)} workspaceId={workspaceId} slug={slug} mode={mode} />
    </div>
  );
}

/**
 * One cell: a plain button. The popover is one for the whole table (opened by a click on any
 * cell, anchored to it): a page holds thousands of cells, and a Radix root each took about a
 * second to hydrate at 16× the bench's base.
 */
function Cell({
  cell,
  column,
  rowId,
  columnKey,
  expanded,
}: {
  cell?: Matrix["rows"][number]["cells"][string];
  column: string;
  rowId: string;
  columnKey: string;
  expanded: boolean;
}) {
  const t = useTranslations("matrix");
  const tp = useTranslations("propositions");
  // A cell without stances has no mention: silent, like no cell.
  const stance = cell?.stances[0];
  if (!cell || stance === undefined) {
    return (
      <td className="border-b border-slate-100 text-center text-slate-300" aria-label={t("silentCell", { column })}>
        ·
      </td>
    );
  }
  const mixed = cell.stances.length > 1;
  const meta = mixed ? MIXED : STANCE_META[stance];
  return (
    <td className="border-b border-slate-100 p-0.5 text-center">
      <button
        type="button"
        className={`h-7 w-8 rounded border text-sm font-semibold ${meta.cls}`}
        aria-label={t("cell", { column, stance: mixed ? t("mixedLower") : tp(`stanceLower.${stance}`), count: cell.count })}
        aria-haspopup="dialog"
        aria-expanded={expanded}
        data-row={rowId}
        data-column={columnKey}
      >
        {meta.glyph}
      </button>
    </td>
  );
}

type OpenCell = { rowId: string; columnKey: string; anchor: HTMLButtonElement };
type ShownCell = OpenCell & { column: string; statement: string; count: number };

/** The table's one quotes popover, anchored to the cell that opened it; focus goes back to that cell. */
function CellPopover({
  open,
  onClose,
  workspaceId,
  slug,
  mode,
}: {
  open: ShownCell | null;
  onClose: () => void;
  workspaceId: string;
  slug: string;
  mode: Mode;
}) {
  const t = useTranslations("matrix");
  return (
    <Popover.Root open={open !== null} onOpenChange={(o) => !o && onClose()}>
      <Popover.Anchor virtualRef={{ current: open?.anchor ?? null }} />
      <Popover.Portal>
        {open && (
          <Popover.Content
            key={`${open.rowId} ${open.columnKey}`}
            sideOffset={4}
            className="z-50 w-96 max-w-[90vw] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-xl"
            aria-label={t("quotesFrom", { column: open.column })}
            onCloseAutoFocus={(e) => {
              e.preventDefault();
              open.anchor.focus();
            }}
            // A press on another cell closes this one; its click then opens that one.
            onInteractOutside={(e) => {
              if (e.target instanceof Element && e.target.closest("[data-column]")) e.preventDefault();
            }}
          >
            <p className="mb-2 text-xs text-slate-500">{t("columnOn", { column: open.column, statement: open.statement })}</p>
            <CellQuotesList workspaceId={workspaceId} slug={slug} propositionId={open.rowId} column={open.columnKey} mode={mode} count={open.count} />
            <Popover.Arrow className="fill-white" />
          </Popover.Content>
        )}
      </Popover.Portal>
    </Popover.Root>
  );
}
