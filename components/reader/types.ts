import type { AnnotationView } from "@/lib/server/annotations";
import type { getReaderData } from "@/lib/server/articles";

export type ReaderArticle = Awaited<ReturnType<typeof getReaderData>>;
export type ReaderAnnotation = AnnotationView;
export type ClaimTypeView = { id: string; key: string; label: string; color: string; shortcut: number | null };
/** A text selection inside one passage, offsets in code points. */
export type PendingSelection = { passageId: string; start: number; end: number; exact: string };
