"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MODALITY_LABELS } from "./claim-form";
import type { ClaimTypeView, ReaderAnnotation } from "./types";

export function ClaimDetails({ a, type, canEdit, onEdit, onDelete }: { a: ReaderAnnotation; type?: ClaimTypeView; canEdit: boolean; onEdit: () => void; onDelete: () => void }) {
  const fields = (a.fields ?? {}) as Record<string, string>;
  const rows: [string, string | undefined][] = [
    ["Speaker", a.speakerEntity?.name ?? a.speakerSource?.name],
    ["Modality", MODALITY_LABELS[a.modality]],
    ["Date", fields.date],
    ["Quantity", fields.quantity],
    ["Item", fields.item],
    ["Actors", a.actors.join(", ") || undefined],
    ["Note", a.note ?? undefined],
  ];
  return (
    <section aria-label="Selected claim" className="space-y-2" data-testid="claim-details">
      <p className="flex items-center gap-2 text-sm font-semibold">
        <span className="h-3 w-3 rounded-full" style={{ background: type?.color }} aria-hidden />
        {type?.label ?? "Claim"}
        <span className="ml-auto text-xs font-normal text-slate-500">by {a.author.name} · v{a.version}</span>
      </p>
      {a.orphaned && (
        <Alert tone="warning">This claim&apos;s quote is no longer in the paragraph; edit the text back or delete the claim.</Alert>
      )}
      <blockquote className="border-l-4 pl-3 text-sm italic text-slate-700" style={{ borderColor: type?.color }}>{a.exact}</blockquote>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1 text-sm">
        {rows.filter(([, v]) => v).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="whitespace-pre-wrap break-words">{v}</dd>
          </div>
        ))}
      </dl>
      {canEdit && (
        <div className="flex gap-2 pt-1">
          <Button size="sm" variant="secondary" onClick={onEdit}>Edit <kbd className="text-[10px] text-slate-500">E</kbd></Button>
          <Button size="sm" variant="danger" onClick={onDelete}>Delete <kbd className="text-[10px] text-red-100">Del</kbd></Button>
        </div>
      )}
    </section>
  );
}
