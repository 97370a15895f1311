"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updateArticleAction } from "@/lib/actions/articles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogPanel } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { articleFormSchema, articleFormToInput, type ArticleFormValues } from "@/lib/validation/articles";
import type { ReaderArticle } from "./types";

const FIELD_KEYS = ["title", "publisher", "origins", "byline", "publishedAt", "url", "language"] as const;

/** Correct the article's metadata after import; verdicts follow. A stale version is refused. */
export function EditArticleDialog({ workspaceId, article }: { workspaceId: string; article: ReaderArticle }) {
  const t = useTranslations("reader.editArticle");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const defaults: ArticleFormValues = {
    title: article.title,
    publisher: article.publisher?.name ?? "",
    origins: article.origins.map((o) => o.name).join(", "),
    byline: article.byline ?? "",
    publishedAt: article.publishedAt ?? "",
    url: article.url ?? "",
    language: article.language === "vi" || article.language === "en" ? article.language : "",
  };
  const form = useForm<ArticleFormValues>({ resolver: useLocalResolver(zodResolver(articleFormSchema)), defaultValues: defaults });
  const { register, handleSubmit, formState, setError: setFieldError, reset } = form;
  const lines = Array.isArray(article.metadataLines) ? (article.metadataLines as { text: string; kind: string }[]) : [];

  const submit = handleSubmit(async (v) => {
    setError(null);
    const res = await updateArticleAction(workspaceId, articleFormToInput(article.id, article.version, v));
    if (!res.ok) {
      const fields = (res.error.details?.fields ?? {}) as Record<string, string>;
      for (const [k, m] of Object.entries(fields))
        if ((FIELD_KEYS as readonly string[]).includes(k)) setFieldError(k as (typeof FIELD_KEYS)[number], { message: m });
      return setError({ message: res.error.message, conflict: res.error.code === "conflict" });
    }
    setOpen(false);
    router.refresh();
  });

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) reset(defaults);
        setError(null);
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="sm">
          {t("open")}
        </Button>
      </Dialog.Trigger>
      <DialogPanel title={t("title")} description={t("description")} width="40rem">
        <form onSubmit={submit} noValidate aria-label={t("title")} className="mt-4 grid gap-3 md:grid-cols-2">
          <Field label={t("titleLabel")} error={formState.errors.title?.message} className="md:col-span-2">
            <input className={inputClass} {...register("title")} />
          </Field>
          <Field label={t("publisher")} hint={t("publisherHint")} error={formState.errors.publisher?.message}>
            <input className={inputClass} {...register("publisher")} />
          </Field>
          <Field label={t("origins")} hint={t("originsHint")} error={formState.errors.origins?.message}>
            <input className={inputClass} placeholder={t("originsPlaceholder")} {...register("origins")} />
          </Field>
          <Field label={t("byline")} error={formState.errors.byline?.message}>
            <input className={inputClass} {...register("byline")} />
          </Field>
          <Field label={t("publishedOn")} error={formState.errors.publishedAt?.message}>
            <input type="date" className={inputClass} {...register("publishedAt")} />
          </Field>
          <Field label={t("url")} error={formState.errors.url?.message}>
            <input type="url" className={inputClass} placeholder={t("urlPlaceholder")} {...register("url")} />
          </Field>
          <Field label={t("language")} error={formState.errors.language?.message}>
            <select className={inputClass} {...register("language")}>
              <option value="">{t("languageUnknown")}</option>
              <option value="vi">{t("languageVi")}</option>
              <option value="en">{t("languageEn")}</option>
            </select>
          </Field>
          {lines.length > 0 && (
            <div className="md:col-span-2">
              <p className="text-sm font-medium text-slate-700">{t("metadataLines")}</p>
              <ul className="mt-1 space-y-0.5 text-xs text-slate-600" data-testid="metadata-lines">
                {lines.map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the lines as removed at import, in text order
                  <li key={i}>
                    <span className="mr-1 rounded bg-slate-100 px-1 uppercase">{l.kind}</span>
                    {l.text}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {error && (
            <Alert className="md:col-span-2">
              {error.message}
              {error.conflict && (
                <Button
                  size="sm"
                  variant="secondary"
                  className="ml-2"
                  onClick={() => {
                    setOpen(false);
                    router.refresh();
                  }}
                >
                  {t("reload")}
                </Button>
              )}
            </Alert>
          )}
          <div className="flex justify-end gap-2 md:col-span-2">
            <Dialog.Close asChild>
              <Button variant="ghost">{t("cancel")}</Button>
            </Dialog.Close>
            <Button type="submit" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
