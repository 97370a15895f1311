"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("propositions");
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
    const timer = setTimeout(() => void findPropositionsAction(workspaceId, q).then((r) => setFound(r.ok ? r.data : [])), 150);
    return () => clearTimeout(timer);
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
    <section aria-label={t("claimSection")} className="mt-4 border-t border-slate-200 pt-3" data-testid="claim-propositions">
      <h3 className="text-sm font-semibold text-slate-700">{t("claimSection")}</h3>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      {links.length === 0 && <p className="mt-1 text-sm text-slate-500">{t("notLinked")}</p>}
      <ul className="mt-1 space-y-1.5">
        {links.map((l) => (
          <li key={l.proposition.id} className="flex items-center gap-2 text-sm">
            {canEdit ? (
              <select
                aria-label={t("stanceTowards", { statement: l.proposition.statement })}
                value={l.stance}
                onChange={(e) => void link(l.proposition.id, e.target.value as StanceValue)}
                className={`rounded border px-1 py-0.5 text-xs ${STANCE_META[l.stance].cls}`}
              >
                {STANCES.map((s) => (
                  <option key={s} value={s}>
                    {STANCE_META[s].glyph} {t(`stance.${s}`)}
                  </option>
                ))}
              </select>
            ) : (
              <span className={`rounded border px-1 text-xs ${STANCE_META[l.stance].cls}`}>
                {STANCE_META[l.stance].glyph} {t(`stance.${l.stance}`)}
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
                {t("unlink")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && suggestions.length > 0 && (
        <div className="mt-3" data-testid="proposition-suggestions">
          <p className="text-xs font-medium uppercase text-slate-500">{t("suggested")}</p>
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
                      aria-label={t("linkAs", { stance: t(`stanceLower.${st}`), statement: s.statement })}
                    >
                      {STANCE_META[st].glyph} {t(`stance.${st}`)}
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
            {t("newFromClaim")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("find")}>
            {t("linkExisting")}
          </Button>
        </div>
      )}
      {canEdit && mode !== "idle" && (
        <div className="mt-3 space-y-2 rounded-md bg-slate-50 p-2">
          <fieldset className="flex gap-2 text-xs">
            <legend className="sr-only">{t("stanceLegend")}</legend>
            {STANCES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input type="radio" name="new-stance" checked={stance === s} onChange={() => setStance(s)} /> {t(`stance.${s}`)}
              </label>
            ))}
          </fieldset>
          {mode === "new" ? (
            <>
              <label htmlFor="new-statement" className="text-xs font-medium text-slate-600">
                {t("newStatement")}
              </label>
              <textarea id="new-statement" className={inputClass} rows={2} value={statement} maxLength={500} onChange={(e) => setStatement(e.target.value)} />
              <div className="flex gap-2">
                <Button size="sm" onClick={() => void create()} disabled={creating || statement.trim().length < 3}>
                  {t("createAndLink")}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>
                  {t("cancel")}
                </Button>
              </div>
            </>
          ) : (
            <>
              <label htmlFor="find-proposition" className="text-xs font-medium text-slate-600">
                {t("find")}
              </label>
              <input
                id="find-proposition"
                className={inputClass}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t("findPlaceholder")}
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
                {found.length === 0 && <li className="text-xs text-slate-500">{t("noMatch")}</li>}
              </ul>
              <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>
                {t("cancel")}
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
