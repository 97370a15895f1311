"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePropositionAction, findPropositionsAction, mergePropositionsAction, updatePropositionAction } from "@/lib/actions/propositions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";

type Rating = { label: string | null; value: number | null; best: number | null; worst: number | null; url: string | null; date: string | null };
type P = { id: string; statement: string; claimTypeId: string | null; rating: Rating | null };
type Draft = {
  id: string;
  statement: string;
  claimTypeId: string | null;
  label: string;
  value: string;
  best: string;
  worst: string;
  url: string;
  date: string;
};

const draftOf = (p: P): Draft => ({
  id: p.id,
  statement: p.statement,
  claimTypeId: p.claimTypeId,
  label: p.rating?.label ?? "",
  value: p.rating?.value?.toString() ?? "",
  best: p.rating?.best?.toString() ?? "",
  worst: p.rating?.worst?.toString() ?? "",
  url: p.rating?.url ?? "",
  date: p.rating?.date ?? "",
});
const num = (s: string) => (s.trim() === "" ? null : Number(s));

/** Edit the statement, type and rating; merge into another proposition; delete. */
export function PropositionEditor({
  workspaceId,
  slug,
  proposition,
  claimTypes,
}: {
  workspaceId: string;
  slug: string;
  proposition: P;
  claimTypes: { id: string; label: string }[];
}) {
  const router = useRouter();
  const t = useTranslations("propositions.editor");
  const [open, setOpen] = useState<"none" | "edit" | "merge">("none");
  const [v, setV] = useState(() => draftOf(proposition));
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [targets, setTargets] = useState<{ id: string; statement: string }[]>([]);
  const [target, setTarget] = useState("");

  async function save() {
    const r = await updatePropositionAction(workspaceId, {
      id: v.id,
      statement: v.statement,
      claimTypeId: v.claimTypeId,
      ratingLabel: v.label.trim() || null,
      ratingValue: num(v.value),
      ratingBest: num(v.best),
      ratingWorst: num(v.worst),
      reviewUrl: v.url.trim() || null,
      reviewDate: v.date || null,
    });
    if (!r.ok) return setError({ message: r.error.message, fields: r.error.details?.fields as Record<string, string> });
    setError(null);
    setOpen("none");
    router.refresh();
  }
  async function startMerge() {
    setOpen("merge");
    const r = await findPropositionsAction(workspaceId, "");
    setTargets(r.ok ? r.data.filter((p) => p.id !== proposition.id) : []);
  }
  async function merge() {
    const r = await mergePropositionsAction(workspaceId, { sourceId: proposition.id, targetId: target });
    if (!r.ok) return setError({ message: r.error.message });
    router.push(`/w/${slug}/propositions/${target}`);
  }

  return (
    <div className="mt-3">
      {error && <Alert className="mb-2">{error.message}</Alert>}
      {open === "none" && (
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => setOpen("edit")}>
            {t("edit")}
          </Button>
          <Button size="sm" variant="secondary" onClick={startMerge}>
            {t("mergeInto")}
          </Button>
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="ghost">
                {t("delete")}
              </Button>
            }
            title={t("deleteTitle")}
            description={t("deleteText")}
            confirmLabel={t("deleteConfirm")}
            pendingLabel={t("deleting")}
            onConfirm={async () => {
              const r = await deletePropositionAction(workspaceId, proposition.id);
              if (!r.ok) return r.error.message;
              router.push(`/w/${slug}/propositions`);
              return null;
            }}
          />
        </div>
      )}
      {open === "edit" && (
        <div className="grid gap-3 md:grid-cols-2">
          <Field label={t("statement")} error={error?.fields?.statement} className="md:col-span-2">
            <textarea className={inputClass} rows={2} value={v.statement} onChange={(e) => setV({ ...v, statement: e.target.value })} />
          </Field>
          <Field label={t("claimType")}>
            <select className={inputClass} value={v.claimTypeId ?? ""} onChange={(e) => setV({ ...v, claimTypeId: e.target.value || null })}>
              <option value="">—</option>
              {claimTypes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("rating")} hint={t("ratingHint")} error={error?.fields?.ratingLabel}>
            <input className={inputClass} value={v.label} onChange={(e) => setV({ ...v, label: e.target.value })} />
          </Field>
          <fieldset className="grid grid-cols-3 gap-2 md:col-span-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("scale")}</legend>
            <Field label={t("value")} error={error?.fields?.ratingValue}>
              <input className={inputClass} inputMode="numeric" value={v.value} onChange={(e) => setV({ ...v, value: e.target.value })} />
            </Field>
            <Field label={t("worst")} error={error?.fields?.ratingWorst}>
              <input className={inputClass} inputMode="numeric" placeholder="1" value={v.worst} onChange={(e) => setV({ ...v, worst: e.target.value })} />
            </Field>
            <Field label={t("best")} error={error?.fields?.ratingBest}>
              <input className={inputClass} inputMode="numeric" placeholder="5" value={v.best} onChange={(e) => setV({ ...v, best: e.target.value })} />
            </Field>
          </fieldset>
          <Field label={t("url")} error={error?.fields?.reviewUrl}>
            <input className={inputClass} type="url" placeholder={t("urlPlaceholder")} value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} />
          </Field>
          <Field label={t("date")} error={error?.fields?.reviewDate}>
            <input className={inputClass} type="date" value={v.date} onChange={(e) => setV({ ...v, date: e.target.value })} />
          </Field>
          <div className="flex gap-2 md:col-span-2">
            <Button size="sm" onClick={save}>
              {t("save")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen("none")}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      {open === "merge" && (
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t("mergeLabel")}>
            <select className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t("choose")}</option>
              {targets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.statement.slice(0, 100)}
                </option>
              ))}
            </select>
          </Field>
          <Button size="sm" onClick={merge} disabled={!target}>
            {t("merge")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setOpen("none")}>
            {t("cancel")}
          </Button>
          <p className="w-full text-xs text-slate-500">{t("mergeText")}</p>
        </div>
      )}
    </div>
  );
}
