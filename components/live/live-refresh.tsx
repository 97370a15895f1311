"use client";

import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LiveChange, useLiveChanges } from "./use-live-changes";

/** How long a burst of changes is gathered into one refresh, and the least time between two. */
const GATHER_MS = 120;
const MIN_GAP_MS = 700;
/** The longest a pressed pointer holds a refresh back (a drag-selection takes a second or two). */
const MAX_HOLD_MS = 10_000;

const DESCRIBE = {
  "annotation.created": "annotationCreated",
  "annotation.updated": "annotationUpdated",
  "annotation.deleted": "annotationDeleted",
  "annotation.restored": "annotationRestored",
  "annotation.reviewed": "annotationReviewed",
  "annotation.imported": "annotationImported",
  "comment.created": "commentCreated",
  "mention.linked": "mentionLinked",
  "mention.unlinked": "mentionUnlinked",
  "passage.corrected": "passageCorrected",
  "session.decided": "sessionDecided",
  "session.progress": "sessionProgress",
  "session.revealed": "sessionRevealed",
  "session.closed": "sessionClosed",
  "session.reopened": "sessionReopened",
  "session.updated": "sessionUpdated",
  "session.assigned": "sessionAssigned",
} as const;

function describeKey(kind: string) {
  return Object.hasOwn(DESCRIBE, kind) ? DESCRIBE[kind as keyof typeof DESCRIBE] : "other";
}

/**
 * Keeps a server-rendered page current: each change another member makes refreshes it (the server
 * components re-render with fresh data; client state such as an open form is kept). Shows whether
 * the page is live and announces what changed to screen readers.
 */
export function LiveRefresh({
  workspaceId,
  articleId,
  propositionId,
  since,
  selfId,
  onChange,
}: {
  workspaceId: string;
  articleId?: string;
  propositionId?: string;
  /** `liveCursor(actor)`, read before the page's data. */
  since?: string;
  /** The signed-in user: their own changes are already on screen, so they are not announced. */
  selfId?: string;
  onChange?: (e: LiveChange) => void;
}) {
  const t = useTranslations("live");
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastRefresh = useRef(0);
  const [announce, setAnnounce] = useState("");
  const [revoked, setRevoked] = useState<{ code: string | null; reason: string | null } | null>(null);
  // How many changes arrived (and the last id): lets a person or a test see nothing is doubled.
  const [received, setReceived] = useState({ count: 0, last: "" });

  // How many refreshes ran: lets a test see that a change it did not expect to refresh did not.
  const [refreshes, setRefreshes] = useState(0);
  // A refresh re-renders the text under a drag-selection in progress and can break it, so while a
  // pointer is pressed a due refresh waits for the release: at most MAX_HOLD_MS, so a release the
  // page never hears of (the window lost focus mid-press) cannot stop the page following changes.
  const pressed = useRef(false);
  const held = useRef(false);
  const holdTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refreshSoon = useCallback(() => {
    // A busy desk must not re-render a large page per keystroke: at most one refresh per gap.
    if (timer.current !== undefined) return;
    const wait = Math.max(GATHER_MS, lastRefresh.current + MIN_GAP_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      if (pressed.current) {
        held.current = true;
        return;
      }
      lastRefresh.current = Date.now();
      setRefreshes((n) => n + 1);
      router.refresh();
    }, wait);
  }, [router]);

  useEffect(() => {
    const up = () => {
      clearTimeout(holdTimer.current);
      pressed.current = false;
      if (!held.current) return;
      held.current = false;
      refreshSoon();
    };
    const down = () => {
      pressed.current = true;
      clearTimeout(holdTimer.current);
      holdTimer.current = setTimeout(up, MAX_HOLD_MS);
    };
    window.addEventListener("pointerdown", down, true);
    window.addEventListener("pointerup", up, true);
    window.addEventListener("pointercancel", up, true);
    window.addEventListener("blur", up);
    return () => {
      clearTimeout(holdTimer.current);
      window.removeEventListener("pointerdown", down, true);
      window.removeEventListener("pointerup", up, true);
      window.removeEventListener("pointercancel", up, true);
      window.removeEventListener("blur", up);
    };
  }, [refreshSoon]);

  const change = useCallback(
    (e: LiveChange) => {
      onChange?.(e);
      setReceived((r) => ({ count: r.count + 1, last: e.id }));
      // Presence changes no record the page renders: the page that shows presence asks for it in
      // `onChange`, and no other page re-renders because someone opened an article.
      if (e.kind.startsWith("presence.")) return;
      if (e.actorId !== selfId) setAnnounce(t(`describe.${describeKey(e.kind)}`));
      refreshSoon();
    },
    [refreshSoon, selfId, onChange, t],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  const status = useLiveChanges({
    workspaceId,
    articleId,
    propositionId,
    since,
    onChange: change,
    onRevoked: setRevoked,
    onReset: () => router.refresh(),
  });

  if (revoked) {
    return (
      <div
        role="alert"
        className="fixed inset-x-0 top-14 z-30 mx-auto w-fit rounded-b-lg bg-rose-700 px-4 py-2 text-sm text-white shadow"
        data-testid="live-revoked"
      >
        {revoked.code === "removed" ? t("revokedRemoved") : revoked.code === "no_access" || !revoked.reason ? t("revoked") : revoked.reason}.{" "}
        <a href="/workspaces" className="font-medium underline">
          {t("goToWorkspaces")}
        </a>
      </div>
    );
  }
  return (
    <>
      <span
        className={clsx(
          "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium",
          status === "live" ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900",
        )}
        data-testid="live-status"
        data-status={status}
        data-received={received.count}
        data-last-event={received.last}
        data-refreshes={refreshes}
        title={status === "live" ? t("liveTitle") : t("reconnectingTitle")}
      >
        <span aria-hidden className={clsx("h-1.5 w-1.5 rounded-full", status === "live" ? "bg-emerald-600" : "animate-pulse bg-amber-600")} />
        {/* Every label in one cell, the others invisible: the badge is as wide as the longest, so
            connecting does not re-wrap the header and move the text under a drag. */}
        <span className="grid">
          {(["live", "connecting", "reconnecting"] as const).map((s) => (
            <span key={s} className={clsx("col-start-1 row-start-1", s !== status && "invisible")} aria-hidden={s !== status}>
              {t(s)}
            </span>
          ))}
        </span>
      </span>
      <span className="sr-only" aria-live="polite">
        {announce}
      </span>
    </>
  );
}
