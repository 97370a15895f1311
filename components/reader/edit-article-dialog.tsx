"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
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
  const form = useForm<ArticleFormValues>({ resolver: zodResolver(articleFormSchema), defaultValues: defaults });
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
          Edit details…
        </Button>
      </Dialog.Trigger>
      <DialogPanel
        title="Article details"
        description="Correct what was detected at import. Publisher and origins decide each claim's independent origin, so verdicts change with them."
        width="40rem"
      >
        <form onSubmit={submit} noValidate aria-label="Article details" className="mt-4 grid gap-3 md:grid-cols-2">
          <Field label="Title" error={formState.errors.title?.message} className="md:col-span-2">
            <input className={inputClass} {...register("title")} />
          </Field>
          <Field label="Publisher" hint="The outlet that published it" error={formState.errors.publisher?.message}>
            <input className={inputClass} {...register("publisher")} />
          </Field>
          <Field label="Origins" hint="Sources it relays or translates, primary first, comma-separated" error={formState.errors.origins?.message}>
            <input className={inputClass} placeholder="Reuters, AFP" {...register("origins")} />
          </Field>
          <Field label="Byline" error={formState.errors.byline?.message}>
            <input className={inputClass} {...register("byline")} />
          </Field>
          <Field label="Published on" error={formState.errors.publishedAt?.message}>
            <input type="date" className={inputClass} {...register("publishedAt")} />
          </Field>
          <Field label="Source URL" error={formState.errors.url?.message}>
            <input type="url" className={inputClass} placeholder="https://" {...register("url")} />
          </Field>
          <Field label="Language" error={formState.errors.language?.message}>
            <select className={inputClass} {...register("language")}>
              <option value="">Unknown</option>
              <option value="vi">Vietnamese</option>
              <option value="en">English</option>
            </select>
          </Field>
          {lines.length > 0 && (
            <div className="md:col-span-2">
              <p className="text-sm font-medium text-slate-700">Lines removed from the body at import (kept as they were)</p>
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
                  Reload
                </Button>
              )}
            </Alert>
          )}
          <div className="flex justify-end gap-2 md:col-span-2">
            <Dialog.Close asChild>
              <Button variant="ghost">Cancel</Button>
            </Dialog.Close>
            <Button type="submit" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? "Saving…" : "Save details"}
            </Button>
          </div>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
