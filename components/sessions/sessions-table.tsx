import Link from "next/link";
import { useTranslations } from "next-intl";
import { dueOf } from "@/lib/domain/session-view";
import type { listSessions } from "@/lib/server/sessions";
import { ModeBadge, ProgressBar, StateBadge } from "./badges";

type Row = Awaited<ReturnType<typeof listSessions>>[number];

/** The workspace's sessions, newest first: what each is, where it stands and how far along. */
export function SessionsTable({ slug, sessions, now }: { slug: string; sessions: Row[]; now: Date }) {
  const t = useTranslations("sessions.table");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("name")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("mode")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("state")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("due")}
            </th>
            <th scope="col" className="w-48 px-3 py-2 font-medium">
              {t("doneAssigned")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("annotators")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sessions.map((s) => {
            const due = dueOf(s.dueAt, now, s.state === "closed");
            return (
              <tr key={s.id} data-testid="session-row" data-session-id={s.id} className="hover:bg-slate-50">
                <th scope="row" className="max-w-md px-3 py-2 text-left font-medium">
                  <Link href={`/w/${slug}/sessions/${s.id}`} className="text-blue-800 underline-offset-2 hover:underline">
                    {s.name}
                  </Link>
                  {(s.you.annotate || s.you.adjudicate) && (
                    <span className="ml-2 text-xs font-normal text-slate-500">{s.you.annotate ? t("youAnnotate") : t("youCurate")}</span>
                  )}
                </th>
                <td className="px-3 py-2">
                  <ModeBadge mode={s.mode} />
                </td>
                <td className="px-3 py-2">
                  <StateBadge state={s.state} />
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {due ? (
                    <span className={due.overdue ? "font-medium text-red-700" : undefined}>{due.overdue ? t("overdue", { date: due.date }) : due.date}</span>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2">
                  <ProgressBar done={s.progress.done} total={s.progress.assignments} label={t("progressOf", { name: s.name })} />
                </td>
                <td className="px-3 py-2 text-slate-700">{s.annotators.length ? s.annotators.map((a) => a.name).join(", ") : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
