"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { getCellQuotes } from "@/lib/server/comparison";
import { STANCE_META } from "./badges";

type CellQuotes = Awaited<ReturnType<typeof getCellQuotes>>;
type State = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; data: CellQuotes };

/**
 * An opened matrix cell's quotes, read when it opens (GET …/propositions/{id}/quotes): the matrix
 * itself carries only each cell's stances and count, since a busy page has thousands of cells.
 */
export function CellQuotesList(props: {
  workspaceId: string;
  slug: string;
  propositionId: string;
  column: string;
  mode: "publishers" | "origins";
  count: number;
}) {
  const { workspaceId, slug, propositionId, column, mode, count } = props;
  const t = useTranslations("matrix");
  const tp = useTranslations("propositions");
  const [state, setState] = useState<State>({ status: "loading" });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `count` is listed so a live change to the cell reads it again
  useEffect(() => {
    const abort = new AbortController();
    const qs = new URLSearchParams({ column, columns: mode });
    setState({ status: "loading" });
    fetch(`/api/v1/workspaces/${workspaceId}/propositions/${propositionId}/quotes?${qs}`, { signal: abort.signal })
      .then(async (res) => {
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
        setState({ status: "ready", data: body as CellQuotes });
      })
      .catch((err: unknown) => {
        if (!abort.signal.aborted) setState({ status: "failed", message: err instanceof Error ? err.message : String(err) });
      });
    return () => abort.abort();
  }, [workspaceId, propositionId, column, mode, count]);

  if (state.status === "loading")
    return (
      <p role="status" className="text-xs text-slate-600" aria-busy="true">
        {t("quotesLoading", { count })}
      </p>
    );
  if (state.status === "failed")
    return (
      <p role="alert" className="text-xs text-red-800">
        {t("quotesFailed", { message: state.message })}
      </p>
    );
  const { quotes, count: total } = state.data;
  return (
    <>
      <ul className="max-h-72 space-y-2 overflow-auto">
        {quotes.map((q) => (
          <li key={q.annotationId} className="rounded border border-slate-100 p-2">
            <span className={`mr-1 rounded border px-1 text-xs ${STANCE_META[q.stance].cls}`}>
              {STANCE_META[q.stance].glyph} {tp(`stance.${q.stance}`)}
            </span>
            “{q.exact}”
            <Link href={`/w/${slug}/articles/${q.articleId}?claim=${q.annotationId}`} className="mt-1 block text-xs text-blue-700 underline">
              {q.articleTitle}
            </Link>
          </li>
        ))}
      </ul>
      {total > quotes.length && (
        <p className="mt-2 text-xs text-slate-600" data-testid="quotes-more">
          {t.rich("quotesMore", {
            shown: quotes.length,
            count: total,
            link: (chunks) => (
              <Link href={`/w/${slug}/propositions/${propositionId}`} className="text-blue-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
    </>
  );
}
