"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePropositionAction, findPropositionsAction, mergePropositionsAction, updatePropositionAction } from "@/app/w/[slug]/propositions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";

type P = { id: string; statement: string; claimTypeId: string | null; verdict: string | null };

/** Edit the statement, type and rating; merge into another proposition; delete. */
export function PropositionEditor({ workspaceId, slug, proposition, claimTypes }: { workspaceId: string; slug: string; proposition: P; claimTypes: { id: string; label: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState<"none" | "edit" | "merge">("none");
  const [v, setV] = useState(proposition);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [targets, setTargets] = useState<{ id: string; statement: string }[]>([]);
  const [target, setTarget] = useState("");

  async function save() {
    const r = await updatePropositionAction(workspaceId, { id: v.id, statement: v.statement, claimTypeId: v.claimTypeId, verdict: v.verdict || null });
    if (!r.ok) return setError({ message: r.error.message, fields: r.error.details?.fields as Record<string, string> });
    setError(null);
    setOpen("none");
    router.refresh();
  }
  async function startMerge() {
    setOpen("merge");
    const r = await findPropositionsAction(workspaceId, "");
    setTargets(r.ok ? r.data.filter((t) => t.id !== proposition.id) : []);
  }
  async function merge() {
    const r = await mergePropositionsAction(workspaceId, { sourceId: proposition.id, targetId: target });
    if (!r.ok) return setError({ message: r.error.message });
    router.push(`/w/${slug}/propositions/${target}`);
  }

  return (
    <div className="mt-3">
      {error && <Alert className="mb-2">{error.message}</Alert>}
      {open === "none" && (
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => setOpen("edit")}>Edit</Button>
          <Button size="sm" variant="secondary" onClick={startMerge}>Merge into…</Button>
          <ConfirmDialog
            trigger={<Button size="sm" variant="ghost">Delete…</Button>}
            title="Delete this proposition?"
            description="The claims stay; only their links to it go. The audit log keeps a record."
            confirmLabel="Delete proposition"
            pendingLabel="Deleting…"
            onConfirm={async () => {
              const r = await deletePropositionAction(workspaceId, proposition.id);
              if (!r.ok) return r.error.message;
              router.push(`/w/${slug}/propositions`);
              return null;
            }}
          />
        </div>
      )}
      {open === "edit" && (
        <div className="grid gap-3 md:grid-cols-2">
          <Field label="Statement" error={error?.fields?.statement} className="md:col-span-2">
            <textarea className={inputClass} rows={2} value={v.statement} onChange={(e) => setV({ ...v, statement: e.target.value })} />
          </Field>
          <Field label="Claim type">
            <select className={inputClass} value={v.claimTypeId ?? ""} onChange={(e) => setV({ ...v, claimTypeId: e.target.value || null })}>
              <option value="">—</option>
              {claimTypes.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
            </select>
          </Field>
          <Field label="Desk rating" hint="Published in ClaimReview exports, e.g. False, Misleading, Unproven" error={error?.fields?.verdict}>
            <input className={inputClass} value={v.verdict ?? ""} onChange={(e) => setV({ ...v, verdict: e.target.value })} />
          </Field>
          <div className="flex gap-2 md:col-span-2">
            <Button size="sm" onClick={save}>Save</Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen("none")}>Cancel</Button>
          </div>
        </div>
      )}
      {open === "merge" && (
        <div className="flex flex-wrap items-end gap-2">
          <Field label="Merge this proposition into">
            <select className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose a proposition</option>
              {targets.map((t) => <option key={t.id} value={t.id}>{t.statement.slice(0, 100)}</option>)}
            </select>
          </Field>
          <Button size="sm" onClick={merge} disabled={!target}>Merge</Button>
          <Button size="sm" variant="ghost" onClick={() => setOpen("none")}>Cancel</Button>
          <p className="w-full text-xs text-slate-500">Its claims move to the chosen proposition with their stances; this one is then deleted.</p>
        </div>
      )}
    </div>
  );
}
