"use client";

import * as Popover from "@radix-ui/react-popover";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { getMatrix } from "@/lib/server/comparison";
import { STANCE_META } from "./badges";
import { CellQuotesList } from "./cell-quotes";
import { LiveVerdictBadge } from "./live-verdict";
import { VerdictSentence } from "./verdict-sentence";

type Matrix = Awaited<ReturnType<typeof getMatrix>>;
type Mode = Matrix["filter"]["columns"];

const MIXED = { glyph: "±", cls: "bg-amber-100 text-amber-900 border-amber-300" };

/** Propositions × sources; each cell a stance glyph (never colour alone), click for the quotes. */
export function MatrixTable({
  workspaceId,
  slug,
  mode,
  rows,
  columns,
  approvedOnly,
}: {
  workspaceId: string;
  slug: string;
  mode: Mode;
  rows: Matrix["rows"];
  columns: Matrix["columns"];
  approvedOnly: boolean;
}) {
  const t = useTranslations("matrix");
  const tp = useTranslations("propositions");
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
        <table className="border-separate border-spacing-0 text-sm">
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
                    <span>
                      {t("rowCounts", { mentions: r.mentionCount, supports: r.verdict.supports.origins.length, refutes: r.verdict.refutes.origins.length })}
                    </span>
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    <VerdictSentence verdict={r.verdict} approvedOnly={approvedOnly} />
                  </p>
                </th>
                {columns.map((c) => (
                  <Cell
                    key={c.key}
                    workspaceId={workspaceId}
                    slug={slug}
                    mode={mode}
                    cell={r.cells[c.key]}
                    column={c.label}
                    columnKey={c.key}
                    statement={r.statement}
                    propositionId={r.id}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Cell({
  workspaceId,
  slug,
  mode,
  cell,
  column,
  columnKey,
  statement,
  propositionId,
}: {
  workspaceId: string;
  slug: string;
  mode: Mode;
  columnKey: string;
  cell?: Matrix["rows"][number]["cells"][string];
  column: string;
  statement: string;
  propositionId: string;
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
      <Popover.Root>
        <Popover.Trigger asChild>
          <button
            type="button"
            className={`h-7 w-8 rounded border text-sm font-semibold ${meta.cls}`}
            aria-label={t("cell", { column, stance: mixed ? t("mixedLower") : tp(`stanceLower.${stance}`), count: cell.count })}
          >
            {meta.glyph}
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            sideOffset={4}
            className="z-50 w-96 max-w-[90vw] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-xl"
            aria-label={t("quotesFrom", { column })}
          >
            <p className="mb-2 text-xs text-slate-500">{t("columnOn", { column, statement })}</p>
            <CellQuotesList workspaceId={workspaceId} slug={slug} propositionId={propositionId} column={columnKey} mode={mode} count={cell.count} />
            <Popover.Arrow className="fill-white" />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </td>
  );
}
