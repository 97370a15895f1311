"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  confirmAnchorAction,
  createAnnotationAction,
  deleteAnnotationAction,
  remarkAnnotationAction,
  restoreAnnotationAction,
  updateAnnotationAction,
} from "@/lib/actions/annotations";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { readingOrder } from "@/lib/domain/highlight-layout";
import { claimFormToDetails, type ClaimFormValues } from "@/lib/validation/schemas";
import { ClaimPropositions } from "@/components/propositions/claim-propositions";
import { ExportMenu } from "@/components/report/export-menu";
import { EditingNotice } from "@/components/presence/editing-notice";
import { PresenceAvatars } from "@/components/presence/presence-avatars";
import { usePresence } from "@/components/presence/use-presence";
import type { Viewer } from "@/lib/domain/presence";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PanelJump } from "./panel-jump";
import type { LiveChange } from "@/components/live/use-live-changes";
import { CommentThreads } from "@/components/comments/comment-threads";
import { DeletedClaims } from "@/components/history/deleted-claims";
import { HistoryPanel } from "@/components/history/history-panel";
import { ArticleHeader } from "./article-header";
import { DeleteArticleButton } from "./delete-article-button";
import { EditArticleDialog } from "./edit-article-dialog";
import { CorrectionReport } from "./correction-report";
import { EditPassageDialog, useDescribeCorrection } from "./edit-passage-dialog";
import { ClaimDetails } from "./claim-details";
import { ClaimForm, valuesFrom } from "./claim-form";
import { ClaimList } from "./claim-list";
import { PassageView } from "./passage-view";
import { usePendingHighlight } from "./pending-highlight";
import { readSelection } from "./selection";
import type { ClaimTypeView, PendingSelection, ReaderAnnotation, ReaderArticle } from "./types";
import type { ReanchorChange } from "@/lib/server/passages";
import { groupBy } from "@/lib/domain/group-by";

const isTyping = (t: EventTarget | null) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

type ReaderProps = {
  article: ReaderArticle;
  claimTypes: ClaimTypeView[];
  workspaceId: string;
  slug: string;
  canEdit: boolean;
  initialClaimId?: string;
  /** Live updates: the event cursor read before the article, and who is signed in. */
  since?: string;
  userId?: string;
  /** Who else has the article open, as the page read it (heartbeat replies update it). */
  presence?: Viewer[];
  /** The annotation session new claims are made for (the reader's `?session=`); without it the server picks. */
  sessionId?: string;
};

export function Reader({ article, claimTypes, workspaceId, slug, canEdit, initialClaimId, since, userId, presence, sessionId }: ReaderProps) {
  const t = useTranslations("reader.page");
  const router = useRouter();
  const describeCorrection = useDescribeCorrection();
  const [annotations, setAnnotations] = useState<ReaderAnnotation[]>(article.annotations);
  const [activeId, setActiveId] = useState<string | null>(initialClaimId ?? null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  // The claim type a number key chose: a new object per key press, so pressing a key again puts
  // its type back even after the radios were changed by hand.
  const [pendingType, setPendingType] = useState<{ typeId: string } | null>(null);
  // Set once the selection listeners are attached (tests and the bench wait for it).
  const [listening, setListening] = useState(false);
  const [editing, setEditing] = useState(false);
  // The claim as it was when editing began: the form starts from it and the save sends its version,
  // so a change another member makes meanwhile is a conflict to resolve, never silently overwritten.
  const [editBase, setEditBase] = useState<ReaderAnnotation | null>(null);
  const [formError, setFormError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [selectionError, setSelectionError] = useState<string | null>(null);
  const [undo, setUndo] = useState<ReaderAnnotation | null>(null);
  const [announce, setAnnounce] = useState("");
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [corrected, setCorrected] = useState<{ message: string; changes: ReanchorChange[] } | null>(null);
  // Re-marking a claim that needs review or is orphaned: the next selection in its paragraph places it.
  const [remarking, setRemarking] = useState<{ id: string; version: number; passageId: string; before: string } | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  usePendingHighlight(textRef, pending);
  // A closed form forgets its type key: the next selection starts with no type chosen.
  useEffect(() => {
    if (!pending) setPendingType(null);
  }, [pending]);

  useEffect(() => setAnnotations(article.annotations), [article.annotations]);

  const typeById = useMemo(() => new Map(claimTypes.map((t) => [t.id, t])), [claimTypes]);
  const positionOf = useMemo(() => new Map(article.passages.map((p) => [p.id, p.position])), [article.passages]);
  const ordered = useMemo(() => readingOrder(annotations.map((a) => ({ ...a, passagePosition: positionOf.get(a.passageId) ?? 0 }))), [annotations, positionOf]);
  const byPassage = useMemo(() => groupBy(annotations, (a) => a.passageId), [annotations]);
  const active = annotations.find((a) => a.id === activeId) ?? null;
  const startEdit = useCallback((a: ReaderAnnotation) => {
    setEditBase(a);
    setEditing(true);
  }, []);
  const changedMeanwhile = editing && editBase !== null && (active === null || active.version !== editBase.version);
  const [viewers, recheckPresence] = usePresence({
    workspaceId,
    articleId: article.id,
    editingAnnotationId: editing && editBase ? editBase.id : null,
    initial: presence,
  });
  // Someone arrived, left or started editing (this person's other tabs too): ask who is here now.
  const onLiveChange = useCallback(
    (e: LiveChange) => {
      if (e.kind.startsWith("presence.")) recheckPresence();
    },
    [recheckPresence],
  );
  const correctingPassage = article.passages.find((p) => p.id === correcting);

  // A pending selection's offsets would not survive the correction, so drop it.
  const openCorrection = useCallback((passageId: string) => {
    setPending(null);
    setCorrecting(passageId);
  }, []);

  // After a claim-type key the next thing to fill is who says it; with no type yet, the type radios.
  const focusPanel = useCallback(
    () =>
      requestAnimationFrame(() =>
        (panelRef.current?.querySelector<HTMLElement>("[role=combobox]") ?? panelRef.current?.querySelector<HTMLElement>("[role=radiogroup] input"))?.focus(),
      ),
    [],
  );

  // The phone's bar (PanelJump): bring the claim form up and focus its claim type (the chosen one, else the first).
  const jumpToPanel = useCallback(() => {
    cardRef.current?.scrollIntoView({ block: "start" });
    const types = cardRef.current?.querySelector("[role=radiogroup]");
    (types?.querySelector<HTMLElement>("input:checked") ?? types?.querySelector<HTMLElement>("input"))?.focus({ preventScroll: true });
  }, []);

  const selectClaim = useCallback((id: string, scrollText: boolean) => {
    setActiveId(id);
    setPending(null);
    setEditing(false);
    setFormError(null);
    if (scrollText) document.querySelector(`mark[data-claim-ids~="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
    else document.getElementById(`claim-item-${id}`)?.scrollIntoView({ block: "nearest" });
  }, []);

  // A link to one claim (from a proposition or search) opens with it selected and in view.
  useEffect(() => {
    if (initialClaimId) document.querySelector(`mark[data-claim-ids~="${initialClaimId}"]`)?.scrollIntoView({ block: "center" });
  }, [initialClaimId]);

  // Mouse and keyboard selections both end up here. While the mouse is down a drag fires many
  // changes, so they wait until it rests (or the button is released, which reads at once); a
  // keyboard selection is read on the next frame.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    let mouseDown = false;
    const read = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      timer = undefined;
      frame = 0;
      if (!textRef.current) return;
      const r = readSelection(textRef.current);
      if (!r) return;
      if (!r.ok) {
        // The drag may have passed through a valid selection on its way; that is not the claim.
        setPending(null);
        return setSelectionError(r.reason);
      }
      setSelectionError(null);
      if (!canEdit) return;
      // The same words as already pending keep their object, so nothing downstream re-renders.
      setPending((p) => (p && p.passageId === r.selection.passageId && p.start === r.selection.start && p.end === r.selection.end ? p : r.selection));
      setActiveId(null);
      setEditing(false);
      setFormError(null);
    };
    const onChange = () => {
      if (mouseDown) {
        clearTimeout(timer);
        timer = setTimeout(read, 120);
      } else if (!frame) frame = requestAnimationFrame(read);
    };
    const onMouseDown = () => {
      mouseDown = true;
    };
    const onMouseUp = () => {
      mouseDown = false;
      // Only a selection made during this press is read now; a plain click leaves it to selectionchange.
      if (timer !== undefined) read();
    };
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("mousedown", onMouseDown);
    document.addEventListener("mouseup", onMouseUp);
    // Words selected before the page finished loading are not lost: read them now.
    read();
    setListening(true);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("mousedown", onMouseDown);
      document.removeEventListener("mouseup", onMouseUp);
    };
  }, [canEdit]);

  // Stable handlers for the paragraphs and the list: an inline arrow would be new on every render
  // and defeat their memo, so a text selection would re-render every highlight and list item.
  const activeRef = useRef(activeId);
  activeRef.current = activeId;
  const onClaimClick = useCallback(
    ([first, second]: string[]) => {
      if (first !== undefined) selectClaim(first === activeRef.current && second !== undefined ? second : first, false);
    },
    [selectClaim],
  );
  const onSelectFromList = useCallback((id: string) => selectClaim(id, true), [selectClaim]);
  // Only the paragraph holding the active claim needs its id; the others keep their props.
  const activePassageId = active?.passageId ?? null;

  const restore = useCallback(async () => {
    if (!undo) return;
    // A new attempt: the last one's error is no longer the news (here and in the actions below).
    setFormError(null);
    const res = await restoreAnnotationAction(workspaceId, undo.id);
    if (!res.ok) return setFormError({ message: res.error.message, conflict: false });
    setAnnotations((as) => [...as, res.data]);
    setUndo(null);
    setAnnounce(t("restored"));
    selectClaim(res.data.id, true);
  }, [undo, workspaceId, selectClaim, t]);

  const remove = useCallback(
    async (a: ReaderAnnotation) => {
      setFormError(null);
      const res = await deleteAnnotationAction(workspaceId, a.id, a.version);
      if (!res.ok) return setFormError({ message: res.error.message, conflict: res.error.code === "conflict" });
      setAnnotations((as) => as.filter((x) => x.id !== a.id));
      setActiveId(null);
      setUndo(a);
      setAnnounce(t("deleted"));
    },
    [workspaceId, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The per-paragraph buttons live inside the text host but are controls, not text.
      const inText = !!textRef.current?.contains(e.target as Node) && !(e.target instanceof HTMLButtonElement);
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !isTyping(e.target) && undo) {
        e.preventDefault();
        void restore();
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (inText && canEdit && /^[1-9]$/.test(e.key)) {
        // Read the selection now: the key may arrive before the debounced selectionchange.
        const r = readSelection(textRef.current!);
        const t = claimTypes.find((c) => c.shortcut === Number(e.key));
        if (t && (r?.ok || pending)) {
          e.preventDefault();
          if (r?.ok) {
            setPending(r.selection);
            setActiveId(null);
            setEditing(false);
          }
          setPendingType({ typeId: t.id });
          focusPanel();
        }
      } else if (pending && inText && e.key === "Enter") {
        e.preventDefault();
        focusPanel();
      } else if (e.key === "Escape") {
        setPending(null);
        setEditing(false);
        setSelectionError(null);
      } else if (active && canEdit && !editing && !inText && (e.key === "e" || e.key === "Delete")) {
        e.preventDefault();
        if (e.key === "e") startEdit(active);
        else void remove(active);
      } else if (!inText && (e.key === "j" || e.key === "k") && ordered.length) {
        const i = ordered.findIndex((a) => a.id === activeId);
        const next = e.key === "j" ? Math.min(i + 1, ordered.length - 1) : Math.max(i - 1, 0);
        const target = ordered[i === -1 ? 0 : next];
        if (target) selectClaim(target.id, true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [pending, claimTypes, undo, restore, remove, active, activeId, canEdit, editing, ordered, selectClaim, focusPanel, startEdit]);

  const startRemark = useCallback(
    (a: { id: string; version: number; passageId: string; exact: string }) => {
      setRemarking({ id: a.id, version: a.version, passageId: a.passageId, before: a.exact });
      setPending(null);
      setEditing(false);
      setAnnounce(t("remarkPrompt"));
    },
    [t],
  );

  async function placeRemark() {
    if (!remarking || !pending) return;
    setFormError(null);
    if (pending.passageId !== remarking.passageId) return setFormError({ message: t("remarkOtherParagraph"), conflict: false });
    const res = await remarkAnnotationAction(workspaceId, {
      id: remarking.id,
      version: remarking.version,
      start: pending.start,
      end: pending.end,
      exact: pending.exact,
    });
    if (!res.ok) return setFormError({ message: res.error.message, conflict: res.error.code === "conflict" });
    setAnnotations((as) => [...as.filter((a) => a.id !== res.data.id), res.data]);
    setRemarking(null);
    setPending(null);
    setCorrected(null);
    window.getSelection()?.removeAllRanges();
    setAnnounce(t("remarked"));
    selectClaim(res.data.id, false);
  }

  async function confirmAnchor(a: ReaderAnnotation) {
    setFormError(null);
    const res = await confirmAnchorAction(workspaceId, { id: a.id, version: a.version });
    if (!res.ok) return setFormError({ message: res.error.message, conflict: res.error.code === "conflict" });
    setAnnotations((as) => [...as.filter((x) => x.id !== res.data.id), res.data]);
    setAnnounce(t("confirmed"));
  }

  async function save(v: ClaimFormValues): Promise<Record<string, string> | undefined> {
    setFormError(null);
    const details = claimFormToDetails(v);
    const res = pending
      ? await createAnnotationAction(workspaceId, {
          ...details,
          passageId: pending.passageId,
          start: pending.start,
          end: pending.end,
          exact: pending.exact,
          ...(sessionId ? { sessionId } : {}),
        })
      : await updateAnnotationAction(workspaceId, { ...details, id: editBase!.id, version: editBase!.version });
    if (!res.ok) {
      setFormError({ message: res.error.message, conflict: res.error.code === "conflict" });
      return res.error.details?.fields as Record<string, string> | undefined;
    }
    setAnnotations((as) => [...as.filter((a) => a.id !== res.data.id), res.data]);
    setPending(null);
    setPendingType(null);
    setEditing(false);
    window.getSelection()?.removeAllRanges();
    setAnnounce(pending ? t("saved") : t("changesSaved"));
    selectClaim(res.data.id, false);
  }

  // The type key is passed on its own (`presetType`): re-creating the initial values for it would
  // reset the whole form and lose what was already typed.
  const createInitial = useMemo(() => valuesFrom(null), []);
  // Keyed on the edit base, not the live claim: a refresh while typing must not reset the form.
  const editInitial = useMemo(() => valuesFrom(editBase), [editBase]);

  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_300px] lg:grid-cols-[minmax(0,1fr)_400px]">
      <article className="min-w-0 rounded-lg border border-slate-200 bg-white py-6 pr-4 pl-10 sm:px-12" lang={article.language ?? undefined}>
        <ArticleHeader
          article={article}
          claimCount={annotations.length}
          actions={
            <>
              <LiveRefresh workspaceId={workspaceId} articleId={article.id} since={since} selfId={userId} onChange={onLiveChange} />
              <PresenceAvatars viewers={viewers} />
              <ExportMenu workspaceId={workspaceId} slug={slug} query={`articleId=${article.id}`} />
              {canEdit && <EditArticleDialog workspaceId={workspaceId} article={article} />}
              {canEdit && (
                <DeleteArticleButton workspaceId={workspaceId} slug={slug} articleId={article.id} title={article.title} claims={annotations.length} />
              )}
            </>
          }
        />
        {/* One read-only editing host for the whole text: the caret lets keyboard users select with
            Shift+arrows, and a selection can run across paragraphs so we can explain why it is refused. */}
        {/* biome-ignore lint/a11y/useSemanticElements: a read-only contentEditable host (focusable, selectable), not a form field */}
        {/* biome-ignore lint/a11y/useFocusableInteractive: contentEditable makes it focusable */}
        <div
          ref={textRef}
          className="passage-text mt-5 space-y-4 text-[15px]"
          data-testid="article-text"
          data-ready={listening ? "" : undefined}
          contentEditable
          suppressContentEditableWarning
          spellCheck={false}
          role="textbox"
          aria-readonly="true"
          aria-multiline="true"
          aria-label={t("textLabel")}
          onBeforeInput={preventEdit}
          onPaste={preventEdit}
          onCut={preventEdit}
          onDrop={preventEdit}
        >
          {article.passages.map((p) => (
            <PassageView
              key={p.id}
              passage={p}
              annotations={byPassage.get(p.id) ?? EMPTY}
              typeById={typeById}
              activeId={p.id === activePassageId ? activeId : null}
              onClaimClick={onClaimClick}
              onCorrect={canEdit ? openCorrection : undefined}
            />
          ))}
        </div>
        {/* Rendered outside the text host: its handlers would otherwise swallow typing in the dialog. */}
        {correctingPassage && (
          <EditPassageDialog
            key={correctingPassage.id}
            workspaceId={workspaceId}
            passage={correctingPassage}
            claims={byPassage.get(correctingPassage.id)?.length ?? 0}
            lang={article.language ?? undefined}
            onClose={() => setCorrecting(null)}
            onReload={() => {
              setCorrecting(null);
              router.refresh();
            }}
            onSaved={(result) => {
              const message = describeCorrection(result);
              setCorrecting(null);
              // A claim deleted before the correction was not re-anchored; restoring it would mislead.
              setUndo((u) => (u?.passageId === result.passage.id ? null : u));
              setCorrected({ message, changes: result.changes });
              setAnnounce(message);
              router.refresh();
            }}
          />
        )}
      </article>
      <aside
        ref={panelRef}
        aria-label={t("panelLabel")}
        className="min-w-0 space-y-4 md:sticky md:top-20 md:max-h-[calc(100vh-6rem)] md:self-start md:overflow-y-auto"
      >
        <div ref={cardRef} className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4">
          {!canEdit && (
            <Alert tone="info" className="mb-3">
              {t("viewOnly")}
            </Alert>
          )}
          {selectionError && <Alert className="mb-3">{selectionError}</Alert>}
          {corrected && (
            <CorrectionReport
              workspaceId={workspaceId}
              message={corrected.message}
              changes={corrected.changes}
              onConfirmed={() => router.refresh()}
              onRemark={(c) => {
                const a = annotations.find((x) => x.id === c.id);
                if (a) startRemark(a);
              }}
              onDismiss={() => setCorrected(null)}
            />
          )}
          {undo && (
            <Alert tone="info" className="mb-3 flex items-center gap-2">
              {t("undoDeleted")}{" "}
              <Button size="sm" variant="secondary" onClick={restore}>
                {t("undo")}
              </Button>{" "}
              <span className="text-xs">{t("undoKey")}</span>
            </Alert>
          )}
          {active && !pending && !remarking && <EditingNotice viewers={viewers} annotationId={active.id} />}
          {remarking && canEdit ? (
            <section aria-label={t("remarkLabel")} className="space-y-2 text-sm" data-testid="remark-panel">
              <p className="font-medium">{t("remarkTitle")}</p>
              <p>{t.rich("before", { quote: remarking.before, q: (chunks) => <q>{chunks}</q> })}</p>
              <p className="text-slate-600">{t("remarkHint")}</p>
              {pending && <blockquote className="border-l-4 border-slate-300 pl-3 italic">{pending.exact}</blockquote>}
              {formError && <Alert>{formError.message}</Alert>}
              <div className="flex gap-2">
                <Button size="sm" disabled={!pending} onClick={() => void placeRemark()}>
                  {t("place")}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setRemarking(null);
                    setFormError(null);
                  }}
                >
                  {t("cancel")}
                </Button>
              </div>
            </section>
          ) : pending && canEdit ? (
            <ClaimForm
              workspaceId={workspaceId}
              claimTypes={claimTypes}
              quote={pending.exact}
              initial={createInitial}
              presetType={pendingType}
              mode="create"
              articleDate={article.publishedAt}
              error={formError?.message ?? null}
              conflict={false}
              onSubmit={save}
              onCancel={() => setPending(null)}
              onReload={() => router.refresh()}
            />
          ) : editBase && editing ? (
            <>
              {changedMeanwhile && (
                <Alert tone="warning" className="mb-3" data-testid="changed-meanwhile">
                  {active ? t("changedMeanwhile") : t("deletedMeanwhile")}{" "}
                  {active && (
                    <button type="button" className="font-medium underline" onClick={() => startEdit(active)}>
                      {t("loadTheirs")}
                    </button>
                  )}
                </Alert>
              )}
              <ClaimForm
                workspaceId={workspaceId}
                claimTypes={claimTypes}
                quote={editBase.exact}
                initial={editInitial}
                mode="edit"
                articleDate={article.publishedAt}
                error={formError?.message ?? null}
                conflict={!!formError?.conflict}
                onSubmit={save}
                onCancel={() => setEditing(false)}
                onReload={() => {
                  setFormError(null);
                  if (active) startEdit(active);
                  router.refresh();
                }}
              />
            </>
          ) : active ? (
            <>
              {formError && <Alert className="mb-3">{formError.message}</Alert>}
              <ClaimDetails
                a={active}
                type={typeById.get(active.claimTypeId)}
                canEdit={canEdit}
                onEdit={() => startEdit(active)}
                onDelete={() => remove(active)}
                onConfirmAnchor={canEdit && active.needsReview && !active.orphaned ? () => void confirmAnchor(active) : undefined}
                onRemark={canEdit && (active.needsReview || active.orphaned) ? () => startRemark(active) : undefined}
              />
              <ClaimPropositions
                workspaceId={workspaceId}
                slug={slug}
                annotationId={active.id}
                quote={active.exact}
                links={active.mentions}
                canEdit={canEdit}
                onChanged={() => router.refresh()}
              />
              <div className="mt-4 space-y-3 border-t border-slate-200 pt-3">
                <CommentThreads key={`comments-${active.id}`} workspaceId={workspaceId} targetType="annotation" targetId={active.id} refreshKey={since} />
                <HistoryPanel
                  key={`history-${active.id}`}
                  workspaceId={workspaceId}
                  entity="annotation"
                  id={active.id}
                  canRevert={canEdit}
                  refreshKey={`${since ?? ""}:${active.version}`}
                  onChanged={(a) => setAnnotations((as) => [...as.filter((x) => x.id !== a.id), a])}
                />
              </div>
            </>
          ) : (
            <div className="text-sm text-slate-600">
              <p className="font-medium text-slate-800">{canEdit ? t("emptyEdit") : t("emptyView")}</p>
              {canEdit && (
                <ul className="mt-2 list-inside list-disc space-y-0.5">
                  <li>{t.rich("tipSelect", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</li>
                  <li>{t.rich("tipType", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</li>
                  <li>{t.rich("tipKeys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</li>
                </ul>
              )}
            </div>
          )}
        </div>
        <div>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("heading", { count: annotations.length })}</h2>
          <ClaimList items={ordered} typeById={typeById} activeId={activeId} onSelect={onSelectFromList} />
          <div className="mt-3">
            <DeletedClaims
              workspaceId={workspaceId}
              articleId={article.id}
              canRestore={canEdit}
              refreshKey={`${since ?? ""}:${annotations.length}`}
              onRestored={(a) => {
                setAnnotations((as) => [...as.filter((x) => x.id !== a.id), a]);
                setUndo((u) => (u?.id === a.id ? null : u));
              }}
            />
          </div>
        </div>
        <p className="sr-only" aria-live="polite">
          {announce}
        </p>
      </aside>
      {pending && canEdit && !remarking && <PanelJump target={cardRef} quote={pending.exact} label={t("jumpMark")} onJump={jumpToPanel} />}
    </div>
  );
}

const EMPTY: ReaderAnnotation[] = [];
const preventEdit = (e: React.SyntheticEvent) => e.preventDefault();
