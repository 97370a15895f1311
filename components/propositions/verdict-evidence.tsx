"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { markSameValuesAction } from "@/lib/actions/propositions";
import { Button } from "@/components/ui/button";
import type { DetailConflict, DetailValue, SameValues, UncertainDetail, Verdict } from "@/lib/domain/comparison";

const LABELLED_FIELDS = ["date", "quantity", "actors"] as const;
const isLabelled = (field: string): field is (typeof LABELLED_FIELDS)[number] => (LABELLED_FIELDS as readonly string[]).includes(field);

/**
 * The evidence behind a verdict: origins per stance, and every detail value side by side (as
 * written, as read, who printed it), with "same" buttons for values the parser could not tell apart.
 */
export function VerdictEvidence({
  workspaceId,
  propositionId,
  verdict,
  sameValues,
  canEdit,
}: {
  workspaceId: string;
  propositionId: string;
  verdict: Verdict;
  sameValues: SameValues[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const t = useTranslations("verdictEvidence");
  const tp = useTranslations("propositions");
  const fieldLabel = (field: string) => (isLabelled(field) ? t(`field.${field}`) : field);
  const title = (d: { field: string; item?: string }) => (d.item ? t("fieldOf", { field: fieldLabel(d.field), item: d.item }) : fieldLabel(d.field));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function mark(field: string, keys: [string, string], same: boolean) {
    setBusy(true);
    setError(null);
    const r = await markSameValuesAction(workspaceId, { propositionId, field, keys, same });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    router.refresh();
  }
  const groups: ((DetailConflict & { reason?: undefined }) | UncertainDetail)[] = [...verdict.detailConflicts, ...verdict.uncertainDetails];
  const origins = (["supports", "refutes", "neutral"] as const).filter((k) => verdict[k].origins.length > 0 || verdict[k].unattributed > 0);
  return (
    <section aria-label={t("region")} className="mt-3 space-y-3 text-sm" data-testid="verdict-evidence">
      {origins.length > 0 && (
        <dl className="grid gap-2 md:grid-cols-3">
          {origins.map((k) => (
            <div key={k} className="rounded border border-slate-200 p-2">
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("origins", { stance: tp(`stanceLower.${STANCE_OF[k]}`) })}</dt>
              <dd>
                <ul className="mt-1 space-y-0.5">
                  {verdict[k].origins.map((o) => (
                    <li key={o.key}>
                      <span className="font-medium">{o.path}</span>
                      <span className="text-slate-600">
                        {" "}
                        {o.outlets.length ? t("mentionsIn", { count: o.mentions, outlets: o.outlets.join(", ") }) : t("mentions", { count: o.mentions })}
                      </span>
                    </li>
                  ))}
                  {verdict[k].unattributed > 0 && (
                    <li className="text-amber-900" data-testid="unattributed-note">
                      {t("unattributed", { count: verdict[k].unattributed })}
                    </li>
                  )}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {groups.map((g) => (
        <div
          key={`${g.reason ? "check" : "conflict"}-${g.field}-${g.item ?? ""}-${g.values.map((v) => v.key).join("|")}`}
          className={`rounded border p-2 ${g.reason ? "border-amber-300 bg-amber-50" : "border-rose-300 bg-rose-50"}`}
          data-testid="detail-values"
        >
          <p className="font-medium">{g.reason ? t("checkByHand", { title: title(g), reason: g.reason }) : t("disagree", { title: title(g) })}</p>
          <table className="mt-1 w-full text-left text-sm">
            <thead className="text-xs text-slate-600">
              <tr>
                <th className="py-0.5 pr-2 font-medium">{t("readAs")}</th>
                <th className="py-0.5 pr-2 font-medium">{t("asWritten")}</th>
                <th className="py-0.5 font-medium">{t("printedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {g.values.map((v) => (
                <tr key={v.key} className="border-t border-slate-200 align-top">
                  <td className="py-0.5 pr-2 font-medium">{v.value}</td>
                  <td className="py-0.5 pr-2">{v.raw.map((r) => `“${r}”`).join(", ")}</td>
                  <td className="py-0.5">{v.origins.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canEdit && <SameButtons values={g.values} disabled={busy} onMark={(keys) => void mark(g.field, keys, true)} />}
        </div>
      ))}
      {sameValues.length > 0 && (
        <div className="rounded border border-slate-200 p-2 text-xs text-slate-700">
          <p className="font-medium">{t("markedSame")}</p>
          <ul className="mt-1 space-y-0.5">
            {sameValues.map((s) => (
              <li key={`${s.field}:${s.keys.join("|")}`} className="flex items-center gap-2">
                {t("sameKeys", { field: fieldLabel(s.field), keys: s.keys.map(showKey).join(" = ") })}
                {canEdit && (
                  <button type="button" className="underline" disabled={busy} onClick={() => void mark(s.field, s.keys, false)}>
                    {t("undo")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}

const STANCE_OF = { supports: "SUPPORTS", refutes: "REFUTES", neutral: "NEUTRAL" } as const;

// Keys read "date:2023-09-13", "n:5-5", "text:thang truoc": show the human part.
const showKey = (k: string) => k.replace(/^(date|n|text|actors):/, "").replace(/^(\d+(?:\.\d+)?)-\1$/, "$1");

function SameButtons({ values, disabled, onMark }: { values: DetailValue[]; disabled: boolean; onMark: (keys: [string, string]) => void }) {
  const t = useTranslations("verdictEvidence");
  const pairs = values.flatMap((a, i) => values.slice(i + 1).map((b) => [a, b] as const)).slice(0, 6);
  return (
    <div className="mt-2 flex flex-wrap gap-1.5">
      {pairs.map(([a, b]) => (
        <Button key={`${a.key}|${b.key}`} size="sm" variant="secondary" disabled={disabled} onClick={() => onMark([a.key, b.key])}>
          {t("same", { a: a.value, b: b.value })}
        </Button>
      ))}
    </div>
  );
}
