import Link from "next/link";
import { useTranslations } from "next-intl";
import { assignmentKey } from "@/lib/domain/session-view";
import type { SessionDetail } from "@/lib/server/sessions";
import { StatusChip } from "./badges";
import { StatusControl } from "./status-control";

type Props = { slug: string; workspaceId: string; session: SessionDetail; userId: string };

/**
 * Articles down, annotators across: each cell is an assignment's status and claim count. Your own
 * cells open the reader in this session and let you mark your progress; managers can set anyone's.
 */
export function AssignmentGrid({ slug, workspaceId, session: s, userId }: Props) {
  const t = useTranslations("sessions.assignments");
  const byKey = new Map(s.assignments.map((a) => [assignmentKey(a.articleId, a.userId), a]));
  const closed = s.state === "closed";
  const curate = s.you.adjudicate && s.state !== "blind";
  const reader = (articleId: string) => `/w/${slug}/articles/${articleId}?session=${s.id}`;
  if (s.articles.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <div className="max-h-[36rem] overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="assignment-grid">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium uppercase tracking-wide">
              {t("article")}
            </th>
            {s.annotators.map((u) => (
              <th key={u.id} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {u.id === userId ? t("you", { name: u.name }) : u.name}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-medium uppercase tracking-wide">
              {t("claims")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {s.articles.map((a) => (
            <tr key={a.id} data-testid="assignment-row" data-article-id={a.id}>
              <th scope="row" className="max-w-xs px-3 py-2 text-left font-normal">
                <Link
                  href={s.you.annotator ? reader(a.id) : `/w/${slug}/articles/${a.id}`}
                  className="line-clamp-2 text-blue-800 hover:underline"
                  title={a.title}
                >
                  {a.title}
                </Link>
              </th>
              {s.annotators.map((u) => {
                const cell = byKey.get(assignmentKey(a.id, u.id));
                const mine = u.id === userId;
                return (
                  <td key={u.id} className="px-3 py-2 align-top" data-testid="assignment-cell" data-user-id={u.id} data-status={cell?.status ?? "NONE"}>
                    {!cell ? (
                      <span className="text-xs text-slate-600">{t("notAssigned")}</span>
                    ) : (
                      <div className="flex flex-col items-start gap-1">
                        <span className="flex items-center gap-1.5">
                          <StatusChip status={cell.status} />
                          <span className="text-xs tabular-nums text-slate-600">{t("claimCount", { count: cell.claims })}</span>
                        </span>
                        {mine && (
                          <Link href={reader(a.id)} className="text-xs text-blue-700 underline" data-testid="open-assignment">
                            {closed || cell.status === "DONE" ? t("open") : cell.status === "TODO" ? t("start") : t("continue")}
                            <span className="sr-only"> {a.title}</span>
                          </Link>
                        )}
                        {(mine || s.you.manage) && !closed && (
                          <StatusControl
                            workspaceId={workspaceId}
                            sessionId={s.id}
                            articleId={a.id}
                            userId={mine ? undefined : u.id}
                            status={cell.status}
                            label={mine ? t("yourStatus", { title: a.title }) : t("theirStatus", { name: u.name, title: a.title })}
                          />
                        )}
                      </div>
                    )}
                  </td>
                );
              })}
              <td className="whitespace-nowrap px-3 py-2 align-top text-xs text-slate-600">
                {t.rich("byAnnotators", { count: a.claims, n: (chunks) => <span className="tabular-nums">{chunks}</span> })}
                {a.reconciled > 0 && (
                  <>
                    <br />
                    {t.rich("reconciled", { count: a.reconciled, n: (chunks) => <span className="tabular-nums">{chunks}</span> })}
                  </>
                )}
                {curate && (
                  <>
                    <br />
                    <Link href={`/w/${slug}/sessions/${s.id}/curate/${a.id}`} className="font-medium text-blue-700 underline" data-testid="curate-link">
                      {t("curate")}
                      <span className="sr-only"> {a.title}</span>
                    </Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
