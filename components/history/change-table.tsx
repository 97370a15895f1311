import { useFormatter, useTranslations } from "next-intl";
import type { FieldChange } from "@/lib/domain/history-diff";
import { fieldText, valueText } from "./history-text";

/** Fields before → after, removed text struck through, added text underlined (not by colour alone). */
export function ChangeTable({ changes }: { changes: FieldChange[] }) {
  const t = useTranslations("history.changes");
  const words = useTranslations("history");
  const format = useFormatter();
  return (
    <table className="w-full table-fixed text-xs">
      <caption className="sr-only">{t("caption")}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t("field")}</th>
          <th scope="col">{t("before")}</th>
          <th scope="col">{t("after")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} className="align-top" data-testid="history-change">
            <th scope="row" className="w-24 py-0.5 pr-2 text-left font-normal text-slate-500">
              {fieldText(words, c)}
            </th>
            <td className="break-words py-0.5 pr-2">
              {c.before === null ? (
                <span className="text-slate-500">—</span>
              ) : (
                <del className="bg-red-50 text-red-900">{valueText(words, format, c.before)}</del>
              )}
            </td>
            <td className="break-words py-0.5">
              {c.after === null ? (
                <span className="text-slate-500">—</span>
              ) : (
                <ins className="bg-green-50 text-green-900">{valueText(words, format, c.after)}</ins>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
