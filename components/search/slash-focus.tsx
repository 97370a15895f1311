"use client";

import { useEffect } from "react";

const TEXT_INPUTS = new Set(["text", "search", "email", "url", "tel", "password", "number", "date", "datetime-local", "month", "time", "week"]);

/** True when a "/" typed at `target` belongs to what the user is writing. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/**
 * Pressing "/" outside a text field focuses the search box: the visible input marked
 * `data-slash-focus="primary"` if the page has one, else any visible `data-slash-focus` input.
 */
export function SlashFocus() {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "/" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTyping(e.target)) return;
      // Only a box one can see: below lg the header's search is hidden (it lives in the menu).
      const visible = (sel: string) =>
        [...document.querySelectorAll<HTMLInputElement>(sel)].find((i) => i.offsetParent !== null || i.getClientRects().length > 0);
      const input = visible('input[data-slash-focus="primary"]') ?? visible("input[data-slash-focus]");
      if (!input) return;
      e.preventDefault();
      input.focus();
      input.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
