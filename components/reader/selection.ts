import { codePointLength, utf16ToCodePoint } from "@/lib/domain/text";
import type { PendingSelection } from "./types";

export type SelectionResult = { ok: true; selection: PendingSelection } | { ok: false; reason: string } | null;

/**
 * The one boundary where the browser's UTF-16 selection becomes code-point offsets into a
 * passage. A selection across paragraphs is refused: a claim lives in one passage.
 */
export function readSelection(root: HTMLElement): SelectionResult {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const startPassage = passageOf(range.startContainer);
  const endPassage = passageOf(range.endContainer);
  if (!startPassage || !endPassage || !root.contains(startPassage)) return null;
  if (startPassage !== endPassage) {
    return { ok: false, reason: "A claim must stay within one paragraph. Select text inside a single paragraph (mark two claims if it continues)." };
  }
  const text = startPassage.textContent ?? "";
  let from = utf16Offset(startPassage, range.startContainer, range.startOffset);
  let to = utf16Offset(startPassage, range.endContainer, range.endOffset);
  // Trim surrounding white space, as a careful editor would.
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  if (from >= to) return null;
  const start = utf16ToCodePoint(text, from);
  // Round the end up when it falls inside a surrogate pair, so the emoji is included.
  let end = utf16ToCodePoint(text, to);
  if (to > 0 && to < text.length && isLowSurrogate(text.charCodeAt(to))) end = Math.min(end + 1, codePointLength(text));
  return { ok: true, selection: { passageId: startPassage.dataset.passageId!, start, end, exact: Array.from(text).slice(start, end).join("") } };
}

function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff;
}

function passageOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement;
  return el?.closest<HTMLElement>("[data-passage-id]") ?? null;
}

// UTF-16 offset of (container, offset) within the passage's text content.
function utf16Offset(passage: HTMLElement, container: Node, offset: number): number {
  const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
  let total = 0;
  if (container.nodeType !== Node.TEXT_NODE) {
    // Offset counts child nodes: sum the text before that child.
    const child = container.childNodes[offset] ?? null;
    let node = walker.nextNode();
    while (node) {
      if (child && (child === node || child.contains(node) || child.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      total += node.textContent?.length ?? 0;
      node = walker.nextNode();
    }
    return total;
  }
  let node = walker.nextNode();
  while (node && node !== container) {
    total += node.textContent?.length ?? 0;
    node = walker.nextNode();
  }
  return total + offset;
}
