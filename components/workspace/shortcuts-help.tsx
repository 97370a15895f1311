"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useState } from "react";
import { DialogPanel } from "@/components/ui/dialog";

const SHORTCUTS: [string, string][] = [
  ["/", "Search the workspace"],
  ["?", "Show this list"],
  ["Shift + arrows", "Select text in the article (after clicking into it)"],
  ["1 – 9", "Mark the selection as a claim of that type"],
  ["Enter", "Open the claim form for the selection"],
  ["Ctrl + Enter", "Save the claim form"],
  ["Esc", "Cancel the form or the selection"],
  ["j / k", "Next / previous claim"],
  ["e", "Edit the selected claim"],
  ["Del", "Delete the selected claim"],
  ["Ctrl + Z", "Undo the last delete"],
  ["a", "Review queue: approve the active claim"],
  ["r", "Review queue: reject it (a reason is asked for)"],
  ["x", "Review queue: select it for bulk approval"],
  ["j / k", "Curation: next / previous unit"],
  ["1 – 9", "Curation: accept that annotator's claim"],
  ["x", "Curation: reject the unit (asks first)"],
  ["u", "Curation: undo the unit's decision"],
];

const typing = (t: EventTarget | null) =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLElement && t.isContentEditable);

/** "?" anywhere (outside text fields) lists the keyboard shortcuts. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "?" && !typing(e.target) && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        setOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="hidden rounded px-1.5 text-slate-500 hover:bg-slate-100 2xl:inline" aria-label="Keyboard shortcuts">
        ?
      </Dialog.Trigger>
      <DialogPanel title="Keyboard shortcuts" description="Keys for searching, marking and reviewing claims" width="30rem" hideDescription>
        <dl className="mt-3 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          {SHORTCUTS.map(([k, v]) => (
            <div key={`${k} ${v}`} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{k}</kbd>
              </dt>
              <dd className="text-slate-700">{v}</dd>
            </div>
          ))}
        </dl>
        <Dialog.Close className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">Close</Dialog.Close>
      </DialogPanel>
    </Dialog.Root>
  );
}
