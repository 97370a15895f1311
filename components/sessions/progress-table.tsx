import { useTranslations } from "next-intl";
import type { SessionDetail } from "@/lib/server/sessions";
import { ProgressBar } from "./badges";

/** Each annotator's assignments by status, their claims, and a bar of done out of assigned. */
export function ProgressTable({ progress, userId }: { progress: SessionDetail["progress"]; userId: string }) {
  const t = useTranslations("sessions.progress");
  if (progress.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  const th = "px-3 py-2 font-medium";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className={th}>
              {t("annotator")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("assigned")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("todo")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("inProgress")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("done")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("claims")}
            </th>
            <th scope="col" className={`${th} w-56`}>
              {t("progress")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {progress.map((p) => (
            <tr key={p.user.id} data-testid="progress-row" data-user-id={p.user.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {p.user.id === userId ? t("you", { name: p.user.name }) : p.user.name}
              </th>
              <td className="px-3 py-2 text-right">{p.assigned}</td>
              <td className="px-3 py-2 text-right">{p.todo}</td>
              <td className="px-3 py-2 text-right">{p.inProgress}</td>
              <td className="px-3 py-2 text-right">{p.done}</td>
              <td className="px-3 py-2 text-right">{p.claims}</td>
              <td className="px-3 py-2">
                <ProgressBar done={p.done} total={p.assigned} label={t("progressOf", { name: p.user.name })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
