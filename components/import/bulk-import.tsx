"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { bulkImportAction } from "@/lib/actions/bulk-import";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatBytes } from "@/lib/domain/import-decode";
import { useUiLocale } from "@/components/i18n/use-ui-locale";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/schemas";
import { BulkResult, type BulkFailure, type BulkSuccess } from "./bulk-result";
import { BulkWebPage } from "./bulk-web-page";

const KINDS = ["auto", "articles", "claims", "web-annotations"] as const;

// File-format samples: the same in every language.
const ARTICLE_SAMPLE = `{"text": "Title\\n\\nFirst paragraph…", "publisher": "VnExpress", "publishedAt": "2023-09-13", "origins": ["Reuters"]}`;
const CLAIM_SAMPLE = `{"articleTitle": "Kim thăm Nga", "passage": 1, "start": 14, "end": 51, "exact": "Triều Tiên đã chuyển đạn pháo cho Nga", "claimType": "Arms transfer", "modality": "alleged", "speaker": "Nhà Trắng", "actors": ["Triều Tiên", "Nga"], "fields": {"item": "đạn pháo"}, "note": "…"}`;

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

/** The import page's bulk section: JSONL/W3C files all or nothing, and web pages into preview cards. */
export function BulkImportPanel({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const t = useTranslations("bulkImport");
  return (
    <section aria-labelledby="bulk-import-heading" className="mt-10 space-y-4 border-t border-slate-200 pt-6">
      <div>
        <h2 id="bulk-import-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { strong })}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <BulkFileImport workspaceId={workspaceId} slug={slug} />
        <BulkWebPage workspaceId={workspaceId} slug={slug} />
      </div>
    </section>
  );
}

function BulkFileImport({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const t = useTranslations("bulkImport");
  const locale = useUiLocale();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("auto");
  const [busy, setBusy] = useState(false);
  const [success, setSuccess] = useState<BulkSuccess | null>(null);
  const [failure, setFailure] = useState<BulkFailure | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSuccess(null);
    setFailure(null);
    if (!file) return setFailure({ message: t("chooseFile"), errors: [], more: 0 });
    if (file.size > MAX_UPLOAD_BYTES) {
      return setFailure({
        message: t("tooLarge", { name: file.name, size: formatBytes(file.size, true, locale), limit: formatBytes(MAX_UPLOAD_BYTES, false, locale) }),
        errors: [],
        more: 0,
      });
    }
    const form = new FormData();
    form.set("file", file);
    form.set("kind", kind);
    setBusy(true);
    try {
      const res = await bulkImportAction(workspaceId, form);
      if (res.ok) {
        setSuccess(res.data);
        setFile(null);
        if (fileInput.current) fileInput.current.value = "";
      } else {
        const details = res.error.details ?? {};
        setFailure({ message: res.error.message, errors: (details.errors as string[] | undefined) ?? [], more: (details.more as number | undefined) ?? 0 });
      }
    } catch {
      setFailure({ message: t("networkError"), errors: [], more: 0 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {t("fileTitle")}
      </h3>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-700">
          {t("fileLabel")}
        </label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept=".jsonl,.ndjson,.json,.jsonld,application/json,application/ld+json,application/x-ndjson"
          className="text-sm"
          data-testid="bulk-file-input"
          aria-describedby={`${id}-file-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setSuccess(null);
            setFailure(null);
          }}
        />
        <p id={`${id}-file-hint`} className="text-xs text-slate-500">
          {t("fileHint")}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-kind`} className="text-sm font-medium text-slate-700">
          {t("holds")}
        </label>
        <select id={`${id}-kind`} className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={busy || !file}>
        {busy ? t("importing") : t("submit")}
      </Button>
      {busy && file && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          <span className="h-3 w-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" aria-hidden />
          {t("checking", { name: file.name, size: formatBytes(file.size, false, locale) })}
        </p>
      )}
      <BulkResult slug={slug} success={success} failure={failure} />
      <FormatHelp />
    </form>
  );
}

function FormatHelp() {
  const t = useTranslations("bulkImport.formats");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600">{t("summary")}</summary>
      <div className="mt-2 space-y-2 text-slate-700">
        <p>{t.rich("articles", { strong, code })}</p>
        <pre className="overflow-auto rounded bg-slate-50 p-2 text-xs">{ARTICLE_SAMPLE}</pre>
        <p>{t.rich("claims", { strong, code })}</p>
        <pre className="overflow-auto rounded bg-slate-50 p-2 text-xs">{CLAIM_SAMPLE}</pre>
        <p>{t.rich("w3c", { strong })}</p>
        <p>{t("rules")}</p>
      </div>
    </details>
  );
}
