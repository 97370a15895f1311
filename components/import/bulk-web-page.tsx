"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { importArticleAction } from "@/lib/actions/articles";
import { previewHtmlAction, previewUrlAction } from "@/lib/actions/bulk-import";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { formatBytes } from "@/lib/domain/import-decode";
import { useUiLocale } from "@/components/i18n/use-ui-locale";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/schemas";
import { draftAfterImport, draftFromPreview, importInputOf, type Draft } from "./draft";
import { ImportCard } from "./import-card";

/** A saved page (.html) or a public URL → main text and metadata → the usual preview card → import. */
export function BulkWebPage({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const t = useTranslations("bulkImport.web");
  const tb = useTranslations("bulkImport");
  const locale = useUiLocale();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [urlError, setUrlError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Draft[]>([]);

  async function preview(label: string, run: () => Promise<Awaited<ReturnType<typeof previewUrlAction>>>) {
    setError(null);
    setUrlError(undefined);
    setBusy(label);
    try {
      const res = await run();
      if (res.ok) setDrafts((ds) => [...ds, draftFromPreview(res.data, res.data.text, res.data.fileName)]);
      else {
        setError(res.error.message);
        setUrlError((res.error.details?.fields as Record<string, string> | undefined)?.url);
      }
    } catch {
      setError(t("networkError"));
    } finally {
      setBusy(null);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (fileInput.current) fileInput.current.value = "";
    if (file.size > MAX_UPLOAD_BYTES)
      return setError(tb("tooLarge", { name: file.name, size: formatBytes(file.size, true, locale), limit: formatBytes(MAX_UPLOAD_BYTES, false, locale) }));
    const form = new FormData();
    form.set("file", file);
    await preview(t("reading", { name: file.name }), () => previewHtmlAction(workspaceId, form));
  }

  async function importOne(key: number) {
    const d = drafts.find((x) => x.key === key);
    if (!d) return;
    update(key, { status: "saving", error: undefined, fieldErrors: undefined });
    update(key, draftAfterImport(d, await importArticleAction(workspaceId, importInputOf(d))));
  }

  function update(key: number, patch: Partial<Draft>) {
    setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  }

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-sm font-semibold">{t("title")}</h3>
      <p className="text-xs text-slate-500">{t("intro")}</p>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-html`} className="text-sm font-medium text-slate-700">
          {t("saved")}
        </label>
        <input
          id={`${id}-html`}
          ref={fileInput}
          type="file"
          accept=".html,.htm,text/html"
          className="text-sm"
          data-testid="bulk-html-input"
          disabled={!!busy}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      <form
        className="flex items-start gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!url.trim()) return setUrlError(t("enterUrl"));
          void preview(t("fetching", { url: url.trim() }), () => previewUrlAction(workspaceId, url));
        }}
      >
        <Field label={t("urlLabel")} error={urlError} hint={t("urlHint")} className="flex-1">
          <input className={inputClass} type="url" inputMode="url" placeholder={t("urlPlaceholder")} value={url} onChange={(e) => setUrl(e.target.value)} />
        </Field>
        <Button type="submit" variant="secondary" disabled={!!busy} className="mt-6">
          {t("fetch")}
        </Button>
      </form>
      {busy && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          <span className="h-3 w-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" aria-hidden /> {busy}
        </p>
      )}
      {error && <Alert>{error}</Alert>}
      {drafts.length > 0 && (
        <section className="space-y-3" aria-label={t("cards")}>
          {drafts.map((d) => (
            <ImportCard
              key={d.key}
              draft={d}
              slug={slug}
              onChange={(values) => update(d.key, { values })}
              onImport={() => void importOne(d.key)}
              onRemove={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}
            />
          ))}
        </section>
      )}
    </div>
  );
}
