"use client";

import { type RefObject, useEffect } from "react";
import { codePointToUtf16 } from "@/lib/domain/text";
import type { PendingSelection } from "./types";

/** The name styled by `::highlight(pending-claim)` in globals.css. */
export const PENDING_HIGHLIGHT = "pending-claim";

/**
 * Keeps the words being marked highlighted while the claim form has focus: moving focus into
 * a field clears the browser's own selection. A CSS custom highlight paints the range without
 * touching the text's DOM, so the live selection and the offsets stay as they are.
 *
 * The highlight is set only once the browser's selection no longer shows those words (focus went
 * to a field, or the selection moved): Chromium repaints the whole document when a highlight is
 * registered, which in a paragraph of 2,000 claims cost about 100 ms of paint per selection and
 * held back the claim form (bench "selection → claim form"). While the selection itself still
 * shows the words, nothing is needed.
 */
export function usePendingHighlight(rootRef: RefObject<HTMLElement | null>, pending: PendingSelection | null) {
  useEffect(() => {
    const root = rootRef.current;
    if (!root || !pending || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const passage = root.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(pending.passageId)}"]`);
    if (!passage) return;
    const text = passage.textContent ?? "";
    const range = rangeOf(passage, codePointToUtf16(text, pending.start), codePointToUtf16(text, pending.end));
    if (!range) return;
    let painted = false;
    const paintUnlessSelected = () => {
      if (painted || selectionShows(passage, range)) return;
      painted = true;
      CSS.highlights.set(PENDING_HIGHLIGHT, new Highlight(range));
      document.removeEventListener("selectionchange", paintUnlessSelected);
    };
    paintUnlessSelected();
    document.addEventListener("selectionchange", paintUnlessSelected);
    return () => {
      document.removeEventListener("selectionchange", paintUnlessSelected);
      if (painted) CSS.highlights.delete(PENDING_HIGHLIGHT);
    };
  }, [rootRef, pending]);
}

/**
 * Whether the document's selection still shows the pending words (the browser paints it itself
 * then): the same text, in the same paragraph. Boundary points are not compared: a drag may end at
 * the end of one text node or the start of the next, the same place. Another selection in that
 * paragraph becomes the pending one (the reader reads it), which runs this effect again.
 */
function selectionShows(passage: HTMLElement, range: Range): boolean {
  const selection = document.getSelection();
  if (selection?.rangeCount !== 1 || selection.isCollapsed) return false;
  const r = selection.getRangeAt(0);
  return passage.contains(r.commonAncestorContainer) && r.toString() === range.toString();
}

// A DOM range over UTF-16 offsets [from, to) of the passage's text.
function rangeOf(passage: HTMLElement, from: number, to: number): Range | null {
  const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent?.length ?? 0;
    if (!started && from < seen + len) {
      range.setStart(n, from - seen);
      started = true;
    }
    if (started && to <= seen + len) {
      range.setEnd(n, to - seen);
      return range;
    }
    seen += len;
  }
  return null;
}
