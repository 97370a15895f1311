"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { previewImportAction, importArticleAction } from "@/lib/actions/articles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { decodeUpload, formatBytes } from "@/lib/domain/import-decode";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/schemas";
import { draftAfterImport, draftFromPreview, draftWarnings, importInputOf, type Draft } from "./draft";
import { ImportCard } from "./import-card";
import { useUiLocale } from "@/components/i18n/use-ui-locale";
import { usePhrase } from "@/components/ui/use-local-resolver";

/** Paste or upload → detected metadata for confirmation → import, with progress. */
export function ImportWizard({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const t = useTranslations("importWizard");
  const tb = useTranslations("bulkImport");
  const locale = useUiLocale();
  const say = usePhrase();
  const [paste, setPaste] = useState("");
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const addTexts = useCallback(
    async (items: { text: string; fileName?: string }[]) => {
      for (const [i, item] of items.entries()) {
        setBusy(t("reading", { name: item.fileName ?? t("pastedText"), n: i + 1, count: items.length }));
        const res = await previewImportAction(workspaceId, item);
        if (!res.ok) {
          setFileErrors((e) => [...e, res.error.message]);
          continue;
        }
        setDrafts((d) => [...d, draftFromPreview(res.data, item.text, item.fileName)]);
      }
      setBusy(null);
    },
    [workspaceId, t],
  );

  async function onFiles(files: FileList | File[]) {
    setFileErrors([]);
    const ok: { text: string; fileName: string }[] = [];
    const errors: string[] = [];
    for (const file of Array.from(files)) {
      if (file.size > MAX_UPLOAD_BYTES) {
        // Refuse before reading the whole file into memory.
        errors.push(tb("tooLarge", { name: file.name, size: formatBytes(file.size, true, locale), limit: formatBytes(MAX_UPLOAD_BYTES, false, locale) }));
        continue;
      }
      const r = decodeUpload(file.name, new Uint8Array(await file.arrayBuffer()), MAX_UPLOAD_BYTES);
      if (r.ok) ok.push({ text: r.text, fileName: file.name });
      // The file check words its refusal in English; the phrasebook says it in the interface's language.
      else errors.push(say(r.error));
    }
    setFileErrors(errors);
    if (fileInput.current) fileInput.current.value = "";
    await addTexts(ok);
  }

  async function importOne(key: number) {
    const d = drafts.find((x) => x.key === key);
    if (!d) return;
    update(key, { status: "saving", error: undefined, fieldErrors: undefined });
    update(key, draftAfterImport(d, await importArticleAction(workspaceId, importInputOf(d))));
  }

  async function importAll() {
    const ready = drafts.filter((d) => d.status === "ready" || d.status === "error");
    for (const [i, d] of ready.entries()) {
      setBusy(t("importingN", { n: i + 1, count: ready.length }));
      await importOne(d.key);
    }
    setBusy(null);
  }

  function update(key: number, patch: Partial<Draft>) {
    setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  }

  const pending = drafts.filter((d) => d.status === "ready" || d.status === "error").length;
  // "Import all" should not hide that some cards still lack a publisher or a date.
  const warned = drafts.filter((d) => (d.status === "ready" || d.status === "error") && draftWarnings(d).length > 0).length;
  return (
    <div className="mt-6 space-y-6">
      <section className="grid gap-4 md:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <label htmlFor="paste" className="text-sm font-medium">
            {t("paste")}
          </label>
          <textarea
            id="paste"
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            rows={8}
            className="mt-2 w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
            placeholder={t("pastePlaceholder")}
          />
          <Button
            className="mt-2"
            disabled={!!busy}
            onClick={async () => {
              if (!paste.trim()) {
                setFileErrors([t("empty")]);
                return;
              }
              setFileErrors([]);
              await addTexts([{ text: paste }]);
              setPaste("");
            }}
          >
            {t("detect")}
          </Button>
        </div>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file button inside it is the keyboard way */}
        <div
          className={`flex flex-col items-center justify-center rounded-lg border-2 border-dashed p-4 text-center ${dragging ? "border-blue-600 bg-blue-50" : "border-slate-300 bg-white"}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void onFiles(e.dataTransfer.files);
          }}
        >
          <p className="text-sm font-medium">{t("drop")}</p>
          <p className="text-xs text-slate-500">{t("dropHint")}</p>
          <label className="mt-3 cursor-pointer rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            {t("choose")}
            <input
              ref={fileInput}
              type="file"
              multiple
              accept=".txt,.md,text/plain,text/markdown"
              className="sr-only"
              data-testid="file-input"
              onChange={(e) => e.target.files && void onFiles(e.target.files)}
            />
          </label>
        </div>
      </section>

      {busy && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          <span className="h-3 w-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" aria-hidden /> {busy}
        </p>
      )}
      {fileErrors.length > 0 && (
        <Alert>
          <ul className="list-inside list-disc">
            {fileErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}

      {drafts.length > 0 && (
        <section aria-label={t("cards")} className="space-y-4">
          <div className="flex items-center gap-3">
            <h2 className="font-semibold">{t("check", { count: drafts.length })}</h2>
            {pending > 1 && (
              <Button onClick={importAll} disabled={!!busy}>
                {t("importAll", { count: pending })}
              </Button>
            )}
            {warned > 0 && <span className="rounded bg-amber-100 px-1.5 text-sm text-amber-900">{t("warned", { count: warned })}</span>}
            <Link href={`/w/${slug}`} className="ml-auto text-sm text-blue-700 underline">
              {t("back")}
            </Link>
          </div>
          {drafts.map((d) => (
            <ImportCard
              key={d.key}
              draft={d}
              slug={slug}
              onChange={(values) => update(d.key, { values })}
              onImport={() => importOne(d.key)}
              onRemove={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}
            />
          ))}
        </section>
      )}
    </div>
  );
}
