"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { usePhrase } from "@/components/ui/use-local-resolver";
import { draftWarnings, type Draft, type DraftValues as Values } from "./draft";

export type { Draft } from "./draft";

// The language is detected, not edited here.
const FIELDS: { name: Exclude<keyof Values, "language">; type?: string }[] = [
  { name: "title" },
  { name: "publishedAt", type: "date" },
  { name: "publisher" },
  { name: "origins" },
  { name: "byline" },
  { name: "url" },
];

export function ImportCard({
  draft,
  slug,
  onChange,
  onImport,
  onRemove,
}: {
  draft: Draft;
  slug: string;
  onChange: (v: Values) => void;
  onImport: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("importWizard.card");
  // The parser's warnings are English (lib/domain/import-metadata.ts): said in the interface language.
  const say = usePhrase();
  const { parsed, values } = draft;
  const duplicates = parsed.passages.filter((p) => p.isDuplicate).length;
  const captions = parsed.passages.filter((p) => p.isCaption).length;
  // Once stored (or refused as a duplicate) there is nothing left to fix in this card.
  const warnings = draft.status === "done" || draft.status === "duplicate" ? [] : draftWarnings(draft);
  const cardWarnings = warnings.filter((w) => w.field === null || !FIELDS.some((f) => f.name === w.field));
  const set = (name: keyof Values, value: string) => onChange({ ...values, [name]: value });
  const locked = draft.status === "saving" || draft.status === "done";
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-label={t("label", { name: values.title || draft.fileName || t("article") })}
      data-testid="import-card"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{draft.fileName ?? t("pasted")}</span>
        <span className="text-slate-500">{t("paragraphs", { count: parsed.passages.length })}</span>
        {duplicates > 0 && <span className="rounded bg-amber-100 px-1.5 text-amber-900">{t("duplicates", { count: duplicates })}</span>}
        {captions > 0 && <span className="rounded bg-slate-100 px-1.5 text-slate-700">{t("captions", { count: captions })}</span>}
        {warnings.length > 0 && <span className="rounded bg-amber-100 px-1.5 font-medium text-amber-900">{t("toCheck", { count: warnings.length })}</span>}
        {parsed.language && <span className="rounded bg-slate-100 px-1.5 uppercase">{parsed.language}</span>}
      </div>
      {draft.status === "duplicate" && draft.duplicateOf && (
        <Alert tone="warning" className="mb-3">
          {t.rich("duplicate", {
            title: draft.duplicateOf.title,
            link: (chunks) => (
              <Link className="underline" href={`/w/${slug}/articles/${draft.duplicateOf?.id}`}>
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      )}
      {draft.status === "error" && draft.error && <Alert className="mb-3">{draft.error}</Alert>}
      {draft.status === "done" && draft.articleId && (
        <Alert tone="success" className="mb-3">
          {t("imported")}{" "}
          <Link className="font-medium underline" href={`/w/${slug}/articles/${draft.articleId}`}>
            {t("open", { title: values.title })}
          </Link>
        </Alert>
      )}
      {cardWarnings.map((w) => (
        <Alert key={w.message} tone="warning" className="mb-3">
          {say(w.message)}
        </Alert>
      ))}
      <fieldset disabled={locked || draft.status === "duplicate"} className="grid gap-3 md:grid-cols-2">
        {FIELDS.map((f) => (
          <div key={f.name} className={f.name === "title" ? "md:col-span-2" : undefined}>
            <Field label={t(`field.${f.name}`)} hint={f.name === "origins" ? t("originsHint") : undefined} error={draft.fieldErrors?.[f.name]}>
              <input className={inputClass} type={f.type ?? "text"} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} />
            </Field>
            {/* Beside the field that fixes it, so the desk sees what to fill in before importing. */}
            {warnings
              .filter((w) => w.field === f.name)
              .map((w) => (
                <Alert key={w.message} tone="warning" className="mt-1 font-medium">
                  {say(w.message)}
                  {w.hint && <span className="block font-normal">{t(`hint.${w.hint}`)}</span>}
                </Alert>
              ))}
          </div>
        ))}
      </fieldset>
      {parsed.metadataLines.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-600">{t("metadataLines", { count: parsed.metadataLines.length })}</summary>
          <ul className="mt-1 space-y-1">
            {parsed.metadataLines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines as detected, in text order
              <li key={i} className="rounded bg-slate-50 px-2 py-1">
                <span className="mr-2 text-xs uppercase text-slate-500">{l.kind}</span>
                {l.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600">{t("preview")}</summary>
        <ol className="mt-1 max-h-64 list-decimal space-y-1 overflow-auto pl-6">
          {parsed.passages.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs in text order; repeated ones have the same text
            <li key={i} className={p.isDuplicate ? "text-amber-800" : p.isCaption ? "italic text-slate-600" : undefined}>
              {p.text}
              {p.isCaption && t("captionMark")}
              {p.isDuplicate && t("repeatedMark")}
            </li>
          ))}
        </ol>
      </details>
      <div className="mt-4 flex gap-2">
        {draft.status !== "done" && draft.status !== "duplicate" && (
          <Button onClick={onImport} disabled={locked}>
            {draft.status === "saving" ? t("importing") : t("import")}
          </Button>
        )}
        <Button variant="ghost" onClick={onRemove} disabled={draft.status === "saving"}>
          {draft.status === "done" ? t("dismiss") : t("remove")}
        </Button>
      </div>
    </article>
  );
}
