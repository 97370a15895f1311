"use client";

import { useId, useRef, useState } from "react";
import { bulkImportAction } from "@/lib/actions/bulk-import";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatBytes } from "@/lib/domain/import-decode";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/schemas";
import { BulkResult, type BulkFailure, type BulkSuccess } from "./bulk-result";
import { BulkWebPage } from "./bulk-web-page";

const KINDS = [
  { value: "auto", label: "Detect from the file" },
  { value: "articles", label: "Articles (JSON Lines)" },
  { value: "claims", label: "Claims (JSON Lines)" },
  { value: "web-annotations", label: "W3C Web Annotations" },
] as const;

/** The import page's bulk section: JSONL/W3C files all or nothing, and web pages into preview cards. */
export function BulkImportPanel({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  return (
    <section aria-labelledby="bulk-import-heading" className="mt-10 space-y-4 border-t border-slate-200 pt-6">
      <div>
        <h2 id="bulk-import-heading" className="text-lg font-semibold">
          Bulk import
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Many articles or claims from one file, or an article from a web page. A file is imported <strong>all or nothing</strong>: every line is checked first,
          and if any line has a problem nothing from that file is saved and you get the list of problems with their line numbers (up to 5 MB and 5,000 lines per
          file).
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <BulkFileImport workspaceId={workspaceId} slug={slug} />
        <BulkWebPage workspaceId={workspaceId} slug={slug} />
      </div>
    </section>
  );
}

function BulkFileImport({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]["value"]>("auto");
  const [busy, setBusy] = useState(false);
  const [success, setSuccess] = useState<BulkSuccess | null>(null);
  const [failure, setFailure] = useState<BulkFailure | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSuccess(null);
    setFailure(null);
    if (!file) return setFailure({ message: "Choose a .jsonl, .json or .jsonld file first", errors: [], more: 0 });
    if (file.size > MAX_UPLOAD_BYTES) {
      return setFailure({ message: `${file.name} is ${formatBytes(file.size, true)}; the limit is ${formatBytes(MAX_UPLOAD_BYTES)}`, errors: [], more: 0 });
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
      setFailure({ message: "The import could not be sent (network error); nothing was saved. Try again.", errors: [], more: 0 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        Articles or claims from a file
      </h3>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-700">
          File (.jsonl, .json or .jsonld)
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
          UTF-8, up to 5 MB and 5,000 lines.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-kind`} className="text-sm font-medium text-slate-700">
          The file holds
        </label>
        <select id={`${id}-kind`} className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={busy || !file}>
        {busy ? "Importing…" : "Check and import file"}
      </Button>
      {busy && file && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          <span className="h-3 w-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" aria-hidden />
          Checking every line of {file.name} ({formatBytes(file.size)}); nothing is saved unless all of it is valid…
        </p>
      )}
      <BulkResult slug={slug} success={success} failure={failure} />
      <FormatHelp />
    </form>
  );
}

function FormatHelp() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600">File formats</summary>
      <div className="mt-2 space-y-2 text-slate-700">
        <p>
          <strong>Articles</strong>: one JSON object per line. Only <code>text</code> is required; title, date, publisher, origins, byline, URL and language
          left out are detected from the text, as when pasting (<code>null</code> means “none”).
        </p>
        <pre className="overflow-auto rounded bg-slate-50 p-2 text-xs">{`{"text": "Title\\n\\nFirst paragraph…", "publisher": "VnExpress", "publishedAt": "2023-09-13", "origins": ["Reuters"]}`}</pre>
        <p>
          <strong>Claims</strong>: one per line, naming the article by <code>articleId</code>, <code>articleUrl</code> or exact <code>articleTitle</code>;{" "}
          <code>passage</code> is the paragraph number from 0; <code>start</code>/<code>end</code> count characters (code points) in that paragraph. With{" "}
          <code>exact</code> (and <code>prefix</code>/<code>suffix</code>), a claim whose offsets miss is placed by its quote.
        </p>
        <pre className="overflow-auto rounded bg-slate-50 p-2 text-xs">{`{"articleTitle": "Kim thăm Nga", "passage": 1, "start": 14, "end": 51, "exact": "Triều Tiên đã chuyển đạn pháo cho Nga", "claimType": "Arms transfer", "modality": "alleged", "speaker": "Nhà Trắng", "actors": ["Triều Tiên", "Nga"], "fields": {"item": "đạn pháo"}, "note": "…"}`}</pre>
        <p>
          <strong>W3C Web Annotations</strong>: a collection, an array or JSON Lines, as exported from a Claimboard workspace. Import the same articles first;
          each annotation is matched to its article and paragraph, also in another workspace.
        </p>
        <p>
          Unknown fields are refused, articles already in the workspace and claims already marked are reported as problems, and claim types and speakers must
          exist here.
        </p>
      </div>
    </details>
  );
}
