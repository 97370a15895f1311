"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { bulkApproveAction, reviewClaimAction } from "@/lib/actions/review";
import { useTranslations } from "next-intl";
import { usePhrase } from "@/components/ui/use-local-resolver";
import { reviewRefusal } from "@/lib/domain/review";
import type { AnnotationStatus } from "@/lib/domain/vocabulary";
import type { ReviewItem } from "@/lib/server/review";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReview } from "./review-context";
import { ReviewRow, type RowActions } from "./review-row";

type Problem = { id: string; message: string };
type Message = { tone: "error" | "success"; text: string; problems?: Problem[] };

// Checkboxes are controls, not text: j/k/a/r still work while one has focus.
const typing = (t: EventTarget | null) =>
  (t instanceof HTMLInputElement && t.type !== "checkbox") ||
  t instanceof HTMLTextAreaElement ||
  t instanceof HTMLSelectElement ||
  (t instanceof HTMLElement && t.isContentEditable);

/**
 * The review queue as a table. Keys: j/k next/previous claim, a approve, r reject (type the reason,
 * Enter confirms, Esc cancels), x select; "Approve selected" approves the checked claims, all or nothing.
 */
export function ReviewQueue({
  slug,
  items: initial,
  claimTypes,
  status,
}: {
  slug: string;
  items: ReviewItem[];
  claimTypes: { id: string; label: string; color: string }[];
  status: AnnotationStatus;
}) {
  const review = useReview();
  const router = useRouter();
  const t = useTranslations("review");
  // Refusals come from the table the services use (lib/domain/review.ts), in English: say them in the interface language.
  const say = usePhrase();
  const [items, setItems] = useState(initial);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState<{ id: string; reason: string; error: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  // Set once the keys are listened to, so a test (or a very quick reviewer) knows they work.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  useEffect(() => setItems(initial), [initial]);
  const typeById = useMemo(() => new Map(claimTypes.map((t) => [t.id, t])), [claimTypes]);
  const active = items.find((a) => a.id === activeId) ?? null;
  const canReview = review?.canReview ?? false;

  // The same table the services refuse with decides which buttons and keys work.
  const refusalFor = useCallback(
    (step: "approve" | "reject", a: ReviewItem) =>
      review
        ? reviewRefusal(step, a.status, {
            isAuthor: a.author.id === review.userId,
            canWrite: review.canWrite,
            canReview: review.canReview,
            allowSelfApproval: review.allowSelfApproval,
          })
        : { code: "forbidden" as const, message: t("signInToReview") },
    [review, t],
  );
  const actionsFor = useCallback(
    (a: ReviewItem): RowActions => {
      const approve = refusalFor("approve", a);
      return {
        canApprove: approve === null,
        canReject: refusalFor("reject", a) === null,
        approveNote: approve?.code === "forbidden" && canReview ? t("approveNoteOwn") : null,
      };
    },
    [refusalFor, canReview, t],
  );

  const activate = useCallback((id: string) => {
    setActiveId(id);
    document.getElementById(`review-row-${id}`)?.scrollIntoView({ block: "nearest" });
  }, []);

  // After a decision the next claim becomes the active one, so a reviewer can go on with the keys.
  const advanceFrom = useCallback(
    (id: string) => {
      const i = items.findIndex((x) => x.id === id);
      const next = items[i + 1] ?? items[i - 1];
      if (next) activate(next.id);
    },
    [items, activate],
  );

  const decide = useCallback(
    async (a: ReviewItem, decision: "approve" | "reject", reason?: string) => {
      if (!review || busy) return;
      const refusal = refusalFor(decision, a);
      if (refusal) return setMessage({ tone: "error", text: say(refusal.message) });
      setBusy(true);
      const res = await reviewClaimAction(review.workspaceId, { id: a.id, version: a.version, decision, reason });
      setBusy(false);
      if (!res.ok) {
        const fields = res.error.details?.fields as Record<string, string> | undefined;
        if (decision === "reject" && fields?.reason) return setRejecting({ id: a.id, reason: reason ?? "", error: fields.reason });
        return setMessage({ tone: "error", text: res.error.message });
      }
      setItems((xs) => xs.map((x) => (x.id === a.id ? { ...res.data, article: x.article } : x)));
      setRejecting(null);
      setMessage({ tone: "success", text: t("decided", { decision, quote: a.exact.slice(0, 80) }) });
      advanceFrom(a.id);
      router.refresh();
    },
    [review, busy, refusalFor, advanceFrom, router, t, say],
  );

  const toggle = useCallback((id: string) => {
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  async function approveSelected() {
    if (!review || selected.size === 0) return;
    setBusy(true);
    const res = await bulkApproveAction(review.workspaceId, { ids: [...selected] });
    setBusy(false);
    if (!res.ok) {
      const problems = (res.error.details?.problems as Problem[] | undefined) ?? [];
      return setMessage({ tone: "error", text: res.error.message, problems: problems.map((p) => ({ ...p, message: say(p.message) })) });
    }
    setSelected(new Set());
    setMessage({ tone: "success", text: t("approvedN", { count: res.data.items.length }) });
    router.refresh();
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey || rejecting) return;
      if (e.key === "j" || e.key === "k") {
        if (items.length === 0) return;
        e.preventDefault();
        const i = items.findIndex((x) => x.id === activeId);
        const next = i === -1 ? 0 : e.key === "j" ? Math.min(i + 1, items.length - 1) : Math.max(i - 1, 0);
        const target = items[next];
        if (target) activate(target.id);
      } else if (active && canReview && e.key === "a") {
        e.preventDefault();
        void decide(active, "approve");
      } else if (active && canReview && e.key === "r") {
        e.preventDefault();
        const refusal = refusalFor("reject", active);
        if (refusal) setMessage({ tone: "error", text: say(refusal.message) });
        else setRejecting({ id: active.id, reason: "", error: null });
      } else if (active && canReview && e.key === "x" && active.status === "SUBMITTED") {
        e.preventDefault();
        toggle(active.id);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [items, activeId, active, canReview, rejecting, activate, decide, toggle, refusalFor, say]);

  const selectable = items.filter((a) => a.status === "SUBMITTED");
  const allSelected = selectable.length > 0 && selectable.every((a) => selected.has(a.id));
  const quoteOf = new Map(items.map((a) => [a.id, a.exact]));

  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="review-empty">
        <p className="font-medium">{status === "SUBMITTED" ? t("emptySubmitted") : t("emptyStatus", { status: t(`statusLower.${status}`) })}</p>
        <p className="mt-1 text-sm text-slate-600">{status === "SUBMITTED" ? t("emptySubmittedHint") : t("emptyStatusHint")}</p>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {message && (
        <Alert tone={message.tone}>
          <p>{message.text}</p>
          {message.problems && message.problems.length > 0 && (
            <ul className="mt-1 list-inside list-disc" data-testid="bulk-problems">
              {message.problems.map((p) => (
                <li key={p.id}>
                  {quoteOf.has(p.id) ? <q>{quoteOf.get(p.id)?.slice(0, 60)}</q> : p.id}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {canReview && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Button size="sm" disabled={busy || selected.size === 0} onClick={() => void approveSelected()}>
            {selected.size > 0 ? t("approveSelectedN", { count: selected.size }) : t("approveSelected")}
          </Button>
          <span className="text-slate-600">{t.rich("keys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</span>
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full border-collapse text-left" aria-label={t("queueTable")} data-testid="review-queue" data-ready={ready || undefined}>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {canReview && (
                <th scope="col" className="w-8 px-2 py-2">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    aria-label={t("selectAll")}
                    checked={allSelected}
                    disabled={selectable.length === 0}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((a) => a.id)))}
                  />
                </th>
              )}
              <th scope="col" className="px-2 py-2">
                {t("colClaim")}
              </th>
              <th scope="col" className="px-2 py-2">
                {t("colArticle")}
              </th>
              <th scope="col" className="px-2 py-2">
                {t("colAnnotator")}
              </th>
              <th scope="col" className="px-2 py-2">
                {t("colStatus")}
              </th>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">{t("colActions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <ReviewRow
                key={a.id}
                item={a}
                slug={slug}
                type={typeById.get(a.claimTypeId)}
                active={a.id === activeId}
                selectable={canReview}
                selected={selected.has(a.id)}
                busy={busy}
                actions={actionsFor(a)}
                rejecting={rejecting?.id === a.id ? rejecting : null}
                onActivate={() => setActiveId(a.id)}
                onToggle={() => toggle(a.id)}
                onApprove={() => void decide(a, "approve")}
                onStartReject={() => setRejecting({ id: a.id, reason: "", error: null })}
                onReason={(reason) => setRejecting({ id: a.id, reason, error: null })}
                onConfirmReject={() => rejecting && void decide(a, "reject", rejecting.reason)}
                onCancelReject={() => setRejecting(null)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
