"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { createPropositionAction, findPropositionsAction, linkMentionAction, suggestPropositionsAction, unlinkMentionAction } from "@/lib/actions/propositions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { STANCE_META, type StanceValue } from "./badges";

type Link_ = { stance: StanceValue; proposition: { id: string; statement: string } };
type Props = { workspaceId: string; slug: string; annotationId: string; quote: string; links: Link_[]; canEdit: boolean; onChanged: () => void };

const STANCES: StanceValue[] = ["SUPPORTS", "REFUTES", "NEUTRAL"];

// randomUUID exists only on HTTPS and localhost; getRandomValues everywhere.
const newKey = () =>
  typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** The claim's propositions: linked ones with stance, suggestions, new or existing links. */
export function ClaimPropositions({ workspaceId, slug, annotationId, quote, links, canEdit, onChanged }: Props) {
  const [suggestions, setSuggestions] = useState<{ id: string; statement: string; reasons: string[]; stance: StanceValue }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<"idle" | "new" | "find">("idle");
  const [statement, setStatement] = useState(quote);
  const [stance, setStance] = useState<StanceValue>("SUPPORTS");
  const [q, setQ] = useState("");
  const [found, setFound] = useState<{ id: string; statement: string }[]>([]);
  // One key per opening of the "new proposition" form: a retry or a double click sends it again,
  // so the server creates the proposition once.
  const [createKey, setCreateKey] = useState<{ annotationId: string; key: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const linkedKey = links.map((l) => l.proposition.id).join();

  // biome-ignore lint/correctness/useExhaustiveDependencies: linkedKey re-asks for suggestions when the claim's links change
  useEffect(() => {
    if (!canEdit) return;
    let live = true;
    void suggestPropositionsAction(workspaceId, annotationId).then((r) => live && setSuggestions(r.ok ? r.data : []));
    return () => {
      live = false;
    };
  }, [workspaceId, annotationId, canEdit, linkedKey]);

  useEffect(() => setStatement(quote), [quote]);

  useEffect(() => {
    if (mode !== "find") return;
    const t = setTimeout(() => void findPropositionsAction(workspaceId, q).then((r) => setFound(r.ok ? r.data : [])), 150);
    return () => clearTimeout(t);
  }, [q, mode, workspaceId]);

  async function run(p: Promise<{ ok: boolean; error?: { message: string } }>) {
    setError(null);
    const r = await p;
    if (!r.ok) return setError(r.error!.message);
    setMode("idle");
    onChanged();
  }
  const link = (propositionId: string, s: StanceValue) => run(linkMentionAction(workspaceId, { annotationId, propositionId, stance: s }));
  function openNew() {
    setCreateKey({ annotationId, key: newKey() });
    setMode("new");
  }
  async function create() {
    // The form stays open when another claim is chosen: that is another request, with its own key.
    const idempotency = createKey?.annotationId === annotationId ? createKey : { annotationId, key: newKey() };
    setCreateKey(idempotency);
    setCreating(true);
    try {
      await run(createPropositionAction(workspaceId, { annotationId, statement, stance }, { idempotencyKey: idempotency.key }));
    } finally {
      setCreating(false);
    }
  }

  return (
    <section aria-label="Propositions" className="mt-4 border-t border-slate-200 pt-3" data-testid="claim-propositions">
      <h3 className="text-sm font-semibold text-slate-700">Propositions</h3>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      {links.length === 0 && <p className="mt-1 text-sm text-slate-500">Not linked to a proposition yet.</p>}
      <ul className="mt-1 space-y-1.5">
        {links.map((l) => (
          <li key={l.proposition.id} className="flex items-center gap-2 text-sm">
            {canEdit ? (
              <select
                aria-label={`Stance towards “${l.proposition.statement}”`}
                value={l.stance}
                onChange={(e) => void link(l.proposition.id, e.target.value as StanceValue)}
                className={`rounded border px-1 py-0.5 text-xs ${STANCE_META[l.stance].cls}`}
              >
                {STANCES.map((s) => (
                  <option key={s} value={s}>
                    {STANCE_META[s].glyph} {STANCE_META[s].label}
                  </option>
                ))}
              </select>
            ) : (
              <span className={`rounded border px-1 text-xs ${STANCE_META[l.stance].cls}`}>
                {STANCE_META[l.stance].glyph} {STANCE_META[l.stance].label}
              </span>
            )}
            <Link href={`/w/${slug}/propositions/${l.proposition.id}`} className="min-w-0 flex-1 truncate text-blue-800 hover:underline">
              {l.proposition.statement}
            </Link>
            {canEdit && (
              <button
                type="button"
                className="text-xs text-slate-500 underline"
                onClick={() => void run(unlinkMentionAction(workspaceId, { annotationId, propositionId: l.proposition.id }))}
              >
                Unlink
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && suggestions.length > 0 && (
        <div className="mt-3" data-testid="proposition-suggestions">
          <p className="text-xs font-medium uppercase text-slate-500">Suggested</p>
          <ul className="mt-1 space-y-1.5">
            {suggestions.map((s) => (
              <li key={s.id} className="rounded border border-slate-200 p-2 text-sm">
                <p className="font-medium">{s.statement}</p>
                <p className="text-xs text-slate-500">{s.reasons.join(" · ")}</p>
                <div className="mt-1 flex gap-1">
                  {/* The suggested stance first (a denial is suggested as a refutation); the others stay one click away. */}
                  {[s.stance, ...STANCES.filter((st) => st !== s.stance)].map((st) => (
                    <Button
                      key={st}
                      size="sm"
                      variant={st === s.stance ? "primary" : "secondary"}
                      onClick={() => void link(s.id, st)}
                      aria-label={`Link as ${STANCE_META[st].label.toLowerCase()}: ${s.statement}`}
                    >
                      {STANCE_META[st].glyph} {STANCE_META[st].label}
                    </Button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {canEdit && mode === "idle" && (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={openNew}>
            New proposition from this claim
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("find")}>
            Link to existing…
          </Button>
        </div>
      )}
      {canEdit && mode !== "idle" && (
        <div className="mt-3 space-y-2 rounded-md bg-slate-50 p-2">
          <fieldset className="flex gap-2 text-xs">
            <legend className="sr-only">Stance</legend>
            {STANCES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input type="radio" name="new-stance" checked={stance === s} onChange={() => setStance(s)} /> {STANCE_META[s].label}
              </label>
            ))}
          </fieldset>
          {mode === "new" ? (
            <>
              <label htmlFor="new-statement" className="text-xs font-medium text-slate-600">
                Statement (the claim in canonical words, any language)
              </label>
              <textarea id="new-statement" className={inputClass} rows={2} value={statement} maxLength={500} onChange={(e) => setStatement(e.target.value)} />
              <div className="flex gap-2">
                <Button size="sm" onClick={() => void create()} disabled={creating || statement.trim().length < 3}>
                  Create and link
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>
                  Cancel
                </Button>
              </div>
            </>
          ) : (
            <>
              <label htmlFor="find-proposition" className="text-xs font-medium text-slate-600">
                Find a proposition
              </label>
              <input
                id="find-proposition"
                className={inputClass}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder="Search statements (accents optional)"
                // biome-ignore lint/a11y/noAutofocus: the editor just chose "Link to existing…"; typing is the next step
                autoFocus
              />
              <ul className="max-h-48 space-y-1 overflow-auto">
                {found.map((p) => (
                  <li key={p.id}>
                    <button type="button" className="w-full rounded px-2 py-1 text-left text-sm hover:bg-white" onClick={() => void link(p.id, stance)}>
                      {p.statement}
                    </button>
                  </li>
                ))}
                {found.length === 0 && <li className="text-xs text-slate-500">No matching proposition.</li>}
              </ul>
              <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>
                Cancel
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
