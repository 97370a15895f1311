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
    CSS.highlights.set(PENDING_HIGHLIGHT, new Highlight(range));
    return () => {
      CSS.highlights.delete(PENDING_HIGHLIGHT);
    };
  }, [rootRef, pending]);
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
