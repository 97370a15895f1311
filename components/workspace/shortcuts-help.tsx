"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { DialogPanel } from "@/components/ui/dialog";

type Desc =
  | "search"
  | "help"
  | "select"
  | "mark"
  | "openForm"
  | "save"
  | "cancel"
  | "nextPrev"
  | "edit"
  | "delete"
  | "undo"
  | "reviewApprove"
  | "reviewReject"
  | "reviewSelect"
  | "curationNextPrev"
  | "curationAccept"
  | "curationReject"
  | "curationUndo";

/** The keys (null: "Shift + arrows", from the catalogue) and what they do. */
const SHORTCUTS: [string | null, Desc][] = [
  ["/", "search"],
  ["?", "help"],
  [null, "select"],
  ["1 – 9", "mark"],
  ["Enter", "openForm"],
  ["Ctrl + Enter", "save"],
  ["Esc", "cancel"],
  ["j / k", "nextPrev"],
  ["e", "edit"],
  ["Del", "delete"],
  ["Ctrl + Z", "undo"],
  ["a", "reviewApprove"],
  ["r", "reviewReject"],
  ["x", "reviewSelect"],
  ["j / k", "curationNextPrev"],
  ["1 – 9", "curationAccept"],
  ["x", "curationReject"],
  ["u", "curationUndo"],
];

const typing = (t: EventTarget | null) =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLElement && t.isContentEditable);

/** "?" anywhere (outside text fields) lists the keyboard shortcuts. */
export function ShortcutsHelp() {
  const t = useTranslations("shortcuts");
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
      <Dialog.Trigger className="hidden rounded px-1.5 text-slate-500 hover:bg-slate-100 2xl:inline" aria-label={t("open")}>
        ?
      </Dialog.Trigger>
      <DialogPanel title={t("title")} description={t("description")} width="30rem" hideDescription>
        <dl className="mt-3 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          {SHORTCUTS.map(([k, v]) => (
            <div key={`${k} ${v}`} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{k ?? t("shiftArrows")}</kbd>
              </dt>
              <dd className="text-slate-700">{t(`desc.${v}`)}</dd>
            </div>
          ))}
        </dl>
        <Dialog.Close className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">{t("close")}</Dialog.Close>
      </DialogPanel>
    </Dialog.Root>
  );
}
