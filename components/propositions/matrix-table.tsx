"use client";

import * as Popover from "@radix-ui/react-popover";
import Link from "next/link";
import type { getMatrix } from "@/lib/server/comparison";
import { STANCE_META } from "./badges";
import { LiveVerdictBadge } from "./live-verdict";

type Matrix = Awaited<ReturnType<typeof getMatrix>>;

const MIXED = { label: "Mixed", glyph: "±", cls: "bg-amber-100 text-amber-900 border-amber-300" };

/** Propositions × sources; each cell a stance glyph (never colour alone), click for the quotes. */
export function MatrixTable({ slug, rows, columns }: { slug: string; rows: Matrix["rows"]; columns: Matrix["columns"] }) {
  return (
    <div className="min-w-0">
      <p className="mb-2 flex flex-wrap gap-3 text-xs text-slate-600">
        <span className="sr-only">Legend:</span>
        {(["SUPPORTS", "REFUTES", "NEUTRAL"] as const).map((s) => (
          <span key={s} className="inline-flex items-center gap-1">
            <span className={`inline-block w-5 rounded border text-center ${STANCE_META[s].cls}`} aria-hidden>
              {STANCE_META[s].glyph}
            </span>
            {STANCE_META[s].label}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span className={`inline-block w-5 rounded border text-center ${MIXED.cls}`} aria-hidden>
            {MIXED.glyph}
          </span>
          Mixed
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block w-5 text-center text-slate-300" aria-hidden>
            ·
          </span>
          Silent
        </span>
      </p>
      {/* The matrix scrolls inside itself (both ways) so the page never does. */}
      <section
        className="max-h-[70vh] max-w-full overflow-auto overscroll-contain rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        data-testid="matrix"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be focusable so keyboard users can scroll it
        tabIndex={0}
        aria-label="Comparison matrix, scrollable"
      >
        <table className="border-separate border-spacing-0 text-sm">
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 top-0 z-30 min-w-44 border-b border-r border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs uppercase text-slate-500 sm:min-w-80"
              >
                Proposition
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="sticky top-0 z-20 h-36 w-10 min-w-10 border-b border-slate-200 bg-slate-50 align-bottom">
                  <span
                    className="mx-auto block max-h-32 overflow-hidden text-ellipsis whitespace-nowrap pb-2 text-left text-xs font-medium text-slate-700 [writing-mode:vertical-rl] rotate-180"
                    title={`${c.label} (${c.count} mention${c.count === 1 ? "" : "s"})`}
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
                      {r.mentionCount} mention{r.mentionCount === 1 ? "" : "s"} · {r.verdict.supports.origins.length}✔ / {r.verdict.refutes.origins.length}✖
                      origins
                    </span>
                  </div>
                  <p className="mt-1 text-xs text-slate-600">{r.verdict.sentence}</p>
                </th>
                {columns.map((c) => (
                  <Cell key={c.key} slug={slug} cell={r.cells[c.key]} column={c.label} statement={r.statement} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Cell({ slug, cell, column, statement }: { slug: string; cell?: Matrix["rows"][number]["cells"][string]; column: string; statement: string }) {
  // A cell without stances has no mention: silent, like no cell.
  const stance = cell?.stances[0];
  if (!cell || stance === undefined) {
    return (
      <td className="border-b border-slate-100 text-center text-slate-300" aria-label={`${column}: silent`}>
        ·
      </td>
    );
  }
  const meta = cell.stances.length > 1 ? MIXED : STANCE_META[stance];
  return (
    <td className="border-b border-slate-100 p-0.5 text-center">
      <Popover.Root>
        <Popover.Trigger asChild>
          <button
            type="button"
            className={`h-7 w-8 rounded border text-sm font-semibold ${meta.cls}`}
            aria-label={`${column}: ${meta.label.toLowerCase()}, ${cell.quotes.length} quote${cell.quotes.length === 1 ? "" : "s"}`}
          >
            {meta.glyph}
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            sideOffset={4}
            className="z-50 w-96 max-w-[90vw] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-xl"
            aria-label={`Quotes from ${column}`}
          >
            <p className="mb-2 text-xs text-slate-500">
              {column} on “{statement}”
            </p>
            <ul className="max-h-72 space-y-2 overflow-auto">
              {cell.quotes.map((q) => (
                <li key={q.annotationId} className="rounded border border-slate-100 p-2">
                  <span className={`mr-1 rounded border px-1 text-xs ${STANCE_META[q.stance].cls}`}>
                    {STANCE_META[q.stance].glyph} {STANCE_META[q.stance].label}
                  </span>
                  “{q.exact}”
                  <Link href={`/w/${slug}/articles/${q.articleId}?claim=${q.annotationId}`} className="mt-1 block text-xs text-blue-700 underline">
                    {q.articleTitle}
                  </Link>
                </li>
              ))}
            </ul>
            <Popover.Arrow className="fill-white" />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </td>
  );
}
