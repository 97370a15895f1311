import { NO_DATE_WARNING, NO_PUBLISHER_WARNING, type ParsedArticle } from "@/lib/domain/import-metadata";

export type DraftValues = { title: string; publishedAt: string; publisher: string; origins: string; byline: string; url: string; language: string };

export type Draft = {
  key: number;
  text: string;
  fileName?: string;
  parsed: ParsedArticle;
  duplicateOf: { id: string; title: string } | null;
  values: DraftValues;
  status: "ready" | "saving" | "done" | "error" | "duplicate";
  error?: string;
  fieldErrors?: Record<string, string>;
  articleId?: string;
};

export type DraftPreview = { parsed: ParsedArticle; duplicateOf: { id: string; title: string } | null };

type ImportResult = { ok: true; data: { id: string } } | { ok: false; error: { message: string; details?: Record<string, unknown> } };

let nextKey = 0;

/** A preview's detected metadata as an editable draft with a fresh key; a known article starts as "duplicate". */
export function draftFromPreview(preview: DraftPreview, text: string, fileName?: string): Draft {
  const p = preview.parsed;
  return {
    key: ++nextKey,
    text,
    fileName,
    parsed: p,
    duplicateOf: preview.duplicateOf,
    values: {
      title: p.title,
      publishedAt: p.publishedAt ?? "",
      publisher: p.publisher ?? "",
      origins: p.origins.join(", "),
      byline: p.byline ?? "",
      url: p.url ?? "",
      language: p.language ?? "",
    },
    status: preview.duplicateOf ? "duplicate" : "ready",
  };
}

/** The import action's input for a draft as the user left it (origins split on commas). */
export function importInputOf(d: Draft) {
  const v = d.values;
  return {
    text: d.text,
    fileName: d.fileName,
    title: v.title,
    publishedAt: v.publishedAt,
    publisher: v.publisher || undefined,
    origins: v.origins
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    byline: v.byline || undefined,
    url: v.url,
    language: v.language,
  };
}

/** How a draft changes after its import: done, a duplicate found on save (the error names the stored article), or an error. */
export function draftAfterImport(d: Draft, res: ImportResult): Partial<Draft> {
  if (res.ok) return { status: "done", articleId: res.data.id };
  const articleId = res.error.details?.articleId as string | undefined;
  return {
    status: articleId ? "duplicate" : "error",
    error: res.error.message,
    fieldErrors: res.error.details?.fields as Record<string, string> | undefined,
    duplicateOf: articleId ? { id: articleId, title: d.values.title } : d.duplicateOf,
  };
}

export type DraftWarning = {
  /** The field that fixes it, so the card can show the warning beside it; null for the card as a whole. */
  field: keyof DraftValues | null;
  message: string;
  /** A catalogue key (importWizard.card.hint) explaining what to do, when there is one. */
  hint?: "noDate";
};

/**
 * The warnings that still hold for the draft as the user has edited it: the publisher and date
 * warnings are worked out from the current fields (typing a publisher, an origin or a date clears
 * them, and a web page's own metadata may already fill them); any other parse warning is kept.
 */
export function draftWarnings(d: Pick<Draft, "parsed" | "values">): DraftWarning[] {
  const v = d.values;
  const warnings: DraftWarning[] = [];
  const hasOrigin = v.origins.split(",").some((s) => s.trim() !== "");
  if (v.publisher.trim() === "" && !hasOrigin) warnings.push({ field: "publisher", message: NO_PUBLISHER_WARNING });
  if (v.publishedAt.trim() === "") {
    warnings.push({
      field: "publishedAt",
      message: NO_DATE_WARNING,
      hint: "noDate",
    });
  }
  for (const message of d.parsed.warnings ?? []) {
    if (message !== NO_PUBLISHER_WARNING && message !== NO_DATE_WARNING) warnings.push({ field: null, message });
  }
  return warnings;
}
