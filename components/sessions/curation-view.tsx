"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { LiveRefresh } from "@/components/live/live-refresh";
import type { ClaimTypeView } from "@/components/reader/types";
import { Alert } from "@/components/ui/alert";
import { decideUnitAction, undoDecisionAction } from "@/lib/actions/curation";
import type { CurationView as CurationData } from "@/lib/server/curation";
import { claimFormToDetails, type ClaimFormValues } from "@/lib/validation/schemas";
import { EditAndAccept } from "./curation-edit";
import { CurationFilters } from "./curation-filters";
import { RejectDialog } from "./curation-reject";
import { CurationUnitCard, type UnitError } from "./curation-unit";
import { type CurationFilter, nextUndecided, shownBy, textOrder } from "./curation-units";

const typing = (t: EventTarget | null) =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLElement && t.isContentEditable);

const focusUnit = (key: string) => {
  const el = document.getElementById(`unit-${key}`);
  el?.focus({ preventScroll: true });
  el?.scrollIntoView({ block: "nearest" });
};

const NONE: ReadonlySet<string> = new Set();

type Errors = Record<string, UnitError>;
const failed =
  (key: string, error: { code: string; message: string }) =>
  (e: Errors): Errors => ({ ...e, [key]: { message: error.message, conflict: error.code === "conflict" || error.code === "not_found" } });
const cleared =
  (key: string) =>
  (e: Errors): Errors => {
    const { [key]: _gone, ...rest } = e;
    return rest;
  };

type Decide = { key: string; claimIds: string[]; decision: "accept" | "reject"; chosenId?: string; details?: ReturnType<typeof claimFormToDetails> };

/**
 * Adjudicating one article of a session: its units in text order, each annotator's claim side by
 * side with what differs, and accept / edit and accept / reject / undo. Keys: j/k move, 1–9 accept
 * that annotator's claim, x reject, u undo.
 */
export function CurationView({
  slug,
  workspaceId,
  userId,
  since,
  view,
  names,
  claimTypes,
}: {
  slug: string;
  workspaceId: string;
  userId: string;
  since: string;
  view: CurationData;
  /** Display names by user id: annotators and whoever decided. */
  names: Record<string, string>;
  claimTypes: ClaimTypeView[];
}) {
  const t = useTranslations("sessions.curation.view");
  const router = useRouter();
  const [filter, setFilter] = useState<CurationFilter>("all");
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // Units waiting on the server; fresh data (a new `view`) means their outcome is on screen.
  const [pending, setPending] = useState<{ view: CurationData; keys: ReadonlySet<string> }>({ view, keys: new Set() });
  const busy = pending.view === view ? pending.keys : NONE;
  const [errors, setErrors] = useState<Errors>({});
  const [editing, setEditing] = useState<{ key: string; claimId: string; error: string | null; conflict: boolean } | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const positions = useMemo(() => new Map(view.passages.map((p, i) => [p.id, i])), [view.passages]);
  const textOf = useMemo(() => new Map(view.passages.map((p) => [p.id, p.text])), [view.passages]);
  const typeById = useMemo(() => new Map(claimTypes.map((t) => [t.id, t])), [claimTypes]);
  const ordered = useMemo(() => textOrder(view.units, positions), [view.units, positions]);
  const number = useMemo(() => new Map(ordered.map((u, i) => [u.key, i + 1])), [ordered]);
  const shown = useMemo(() => ordered.filter((u) => shownBy(filter, u)), [ordered, filter]);
  const name = useCallback((id: string | null) => (id && names[id]) || t("formerMember"), [names, t]);
  const closed = view.session.closed;

  const markBusy = useCallback(
    (key: string, on: boolean) =>
      setPending((p) => {
        const keys = new Set(p.view === view ? p.keys : []);
        if (on) keys.add(key);
        else keys.delete(key);
        return { view, keys };
      }),
    [view],
  );

  const decide = useCallback(
    async ({ key, ...input }: Decide): Promise<Record<string, string> | undefined> => {
      if (busy.has(key) || closed) return;
      markBusy(key, true);
      setErrors(cleared(key));
      const res = await decideUnitAction(workspaceId, view.session.id, { articleId: view.article.id, ...input });
      if (!res.ok) {
        markBusy(key, false);
        const fields = res.error.details?.fields as Record<string, string> | undefined;
        const detailFields = fields && Object.fromEntries(Object.entries(fields).flatMap(([k, v]) => (k.startsWith("details.") ? [[k.slice(8), v]] : [])));
        if (input.details && detailFields && Object.keys(detailFields).length) return detailFields;
        if (input.details) setEditing((e) => e && { ...e, error: res.error.message, conflict: res.error.code === "conflict" });
        else setErrors(failed(key, res.error));
        return;
      }
      setEditing(null);
      setRejecting(null);
      // Go on with the next open unit, as the keys would.
      const next = nextUndecided(shown, key, busy);
      if (next) {
        setActiveKey(next);
        requestAnimationFrame(() => focusUnit(next));
      }
      router.refresh();
    },
    [busy, closed, markBusy, workspaceId, view.session.id, view.article.id, shown, router],
  );

  const undo = useCallback(
    async (key: string, decisionId: string) => {
      if (busy.has(key) || closed) return;
      markBusy(key, true);
      setErrors(cleared(key));
      const res = await undoDecisionAction(workspaceId, view.session.id, decisionId);
      if (!res.ok) {
        markBusy(key, false);
        return setErrors(failed(key, res.error));
      }
      setActiveKey(key);
      router.refresh();
    },
    [busy, closed, markBusy, workspaceId, view.session.id, router],
  );

  const unitByKey = useMemo(() => new Map(ordered.map((u) => [u.key, u])), [ordered]);
  const accept = useCallback(
    (key: string, claimId: string) => {
      const u = unitByKey.get(key);
      if (u) void decide({ key, claimIds: u.claims.map((c) => c.id), decision: "accept", chosenId: claimId });
    },
    [unitByKey, decide],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || editing || rejecting) return;
      if (e.key === "j" || e.key === "k") {
        if (!shown.length) return;
        e.preventDefault();
        const i = shown.findIndex((u) => u.key === activeKey);
        const target = shown[i === -1 ? 0 : e.key === "j" ? Math.min(i + 1, shown.length - 1) : Math.max(i - 1, 0)]!;
        setActiveKey(target.key);
        focusUnit(target.key);
        return;
      }
      const u = activeKey ? unitByKey.get(activeKey) : undefined;
      if (!u || closed) return;
      if (/^[1-9]$/.test(e.key) && !u.decision) {
        e.preventDefault();
        const annotator = view.annotatorIds[Number(e.key) - 1];
        const claim = annotator && u.claims.find((c) => c.authorId === annotator);
        if (claim) accept(u.key, claim.id);
        else if (annotator) setErrors((x) => ({ ...x, [u.key]: { message: t("noClaimFrom", { name: name(annotator) }), conflict: false } }));
      } else if (e.key === "x" && !u.decision) {
        e.preventDefault();
        setRejecting(u.key);
      } else if (e.key === "u" && u.decision) {
        e.preventDefault();
        void undo(u.key, u.decision.id);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shown, activeKey, unitByKey, closed, editing, rejecting, view.annotatorIds, accept, undo, name, t]);

  const rejectUnit = rejecting ? unitByKey.get(rejecting) : undefined;
  return (
    <main className="space-y-4" data-keys-ready={ready || undefined}>
      <header className="space-y-2">
        <Link href={`/w/${slug}/sessions/${view.session.id}`} className="text-sm text-blue-700 underline">
          {t("back", { name: view.session.name })}
        </Link>
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-xl font-semibold">
            <span className="sr-only">{t("curate")}</span>
            {view.article.title}
          </h1>
          <p className="text-sm text-slate-600">
            {t.rich("session", { name: view.session.name, b: (chunks) => <span className="font-medium text-slate-800">{chunks}</span> })}
          </p>
          <p className="text-sm font-medium" data-testid="units-decided">
            {t("decided", { decided: view.counts.decided, count: view.counts.units })}
          </p>
          <span className="ml-auto">
            <LiveRefresh workspaceId={workspaceId} articleId={view.article.id} since={since} selfId={userId} />
          </span>
        </div>
        <progress className="h-1.5 w-full accent-emerald-600" max={Math.max(1, view.counts.units)} value={view.counts.decided} aria-label={t("progress")} />
      </header>
      {closed && <Alert tone="info">{t("closed")}</Alert>}
      <CurationFilters units={ordered} filter={filter} onChange={setFilter} />
      <p className="text-xs text-slate-500" data-testid="curation-keys">
        {t.rich("keys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
      </p>
      {shown.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="curation-empty">
          <p className="font-medium">{ordered.length === 0 ? t("noClaims") : t("noMatch")}</p>
          {ordered.length > 0 && filter === "undecided" && <p className="mt-1 text-sm text-slate-600">{t("allDecided")}</p>}
        </div>
      ) : (
        <ol className="space-y-3">
          {shown.map((u) => {
            const edited = editing?.key === u.key ? u.claims.find((c) => c.id === editing.claimId) : undefined;
            return (
              <li key={u.key} style={{ marginLeft: `${Math.min(u.depth, 3) * 1.5}rem` }}>
                <CurationUnitCard
                  unit={u}
                  number={number.get(u.key) ?? 0}
                  inside={u.within ? (number.get(u.within) ?? null) : null}
                  paragraph={(positions.get(u.passageId) ?? 0) + 1}
                  text={textOf.get(u.passageId) ?? ""}
                  annotatorIds={view.annotatorIds}
                  name={name}
                  typeById={typeById}
                  active={activeKey === u.key}
                  busy={busy.has(u.key)}
                  closed={closed}
                  error={errors[u.key] ?? null}
                  onFocus={() => setActiveKey(u.key)}
                  onAccept={(claimId) => accept(u.key, claimId)}
                  onEdit={(claimId) => setEditing({ key: u.key, claimId, error: null, conflict: false })}
                  onReject={() => setRejecting(u.key)}
                  onUndo={(decisionId) => void undo(u.key, decisionId)}
                  onRefresh={() => {
                    setErrors(cleared(u.key));
                    router.refresh();
                  }}
                  editor={
                    edited &&
                    !u.decision &&
                    editing && (
                      <EditAndAccept
                        workspaceId={workspaceId}
                        claimTypes={claimTypes}
                        claim={edited}
                        name={name(edited.authorId)}
                        error={editing.error}
                        conflict={editing.conflict}
                        onSubmit={(v: ClaimFormValues) =>
                          decide({ key: u.key, claimIds: u.claims.map((c) => c.id), decision: "accept", chosenId: edited.id, details: claimFormToDetails(v) })
                        }
                        onCancel={() => {
                          setEditing(null);
                          focusUnit(u.key);
                        }}
                        onReload={() => {
                          setEditing(null);
                          router.refresh();
                        }}
                      />
                    )
                  }
                />
              </li>
            );
          })}
        </ol>
      )}
      <RejectDialog
        open={rejectUnit !== undefined}
        busy={rejectUnit ? busy.has(rejectUnit.key) : false}
        number={rejectUnit ? (number.get(rejectUnit.key) ?? 0) : 0}
        claims={rejectUnit ? rejectUnit.claims.map((c) => t("claimOf", { name: name(c.authorId) })).join(", ") : ""}
        error={rejectUnit ? (errors[rejectUnit.key]?.message ?? null) : null}
        onConfirm={() => rejectUnit && void decide({ key: rejectUnit.key, claimIds: rejectUnit.claims.map((c) => c.id), decision: "reject" })}
        onClose={() => {
          const key = rejecting;
          setRejecting(null);
          if (key) requestAnimationFrame(() => focusUnit(key));
        }}
      />
    </main>
  );
}
