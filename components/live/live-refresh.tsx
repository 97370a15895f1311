"use client";

import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LiveChange, useLiveChanges } from "./use-live-changes";

/** How long a burst of changes is gathered into one refresh, and the least time between two. */
const GATHER_MS = 120;
const MIN_GAP_MS = 700;

const DESCRIBE: Record<string, string> = {
  "annotation.created": "A claim was added",
  "annotation.updated": "A claim was changed",
  "annotation.deleted": "A claim was deleted",
  "annotation.restored": "A claim was restored",
  "annotation.reviewed": "A claim was reviewed",
  "annotation.imported": "Claims were imported",
  "comment.created": "A comment was added",
  "mention.linked": "A claim was linked",
  "mention.unlinked": "A claim was unlinked",
  "passage.corrected": "A paragraph was corrected",
  "session.decided": "A unit was adjudicated",
  "session.progress": "An annotator's progress changed",
  "session.revealed": "The session was revealed",
  "session.closed": "The session was closed",
  "session.reopened": "The session was reopened",
  "session.updated": "The session was changed",
  "session.assigned": "The assignments changed",
};

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
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastRefresh = useRef(0);
  const [announce, setAnnounce] = useState("");
  const [revoked, setRevoked] = useState<string | null>(null);
  // How many changes arrived (and the last id): lets a person or a test see nothing is doubled.
  const [received, setReceived] = useState({ count: 0, last: "" });

  const change = useCallback(
    (e: LiveChange) => {
      onChange?.(e);
      setReceived((r) => ({ count: r.count + 1, last: e.id }));
      // Presence has its own live avatars; announcing every arrival would be noise.
      if (e.actorId !== selfId && !e.kind.startsWith("presence.")) setAnnounce(`${DESCRIBE[e.kind] ?? "This page was updated"} by another member`);
      // A busy desk must not re-render a large page per keystroke: at most one refresh per gap.
      if (timer.current !== undefined) return;
      const wait = Math.max(GATHER_MS, lastRefresh.current + MIN_GAP_MS - Date.now());
      timer.current = setTimeout(() => {
        timer.current = undefined;
        lastRefresh.current = Date.now();
        router.refresh();
      }, wait);
    },
    [router, selfId, onChange],
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
        {revoked}.{" "}
        <a href="/workspaces" className="font-medium underline">
          Go to your workspaces
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
        title={status === "live" ? "Changes by other members appear as they happen" : "Reconnecting; nothing is lost meanwhile"}
      >
        <span aria-hidden className={clsx("h-1.5 w-1.5 rounded-full", status === "live" ? "bg-emerald-600" : "animate-pulse bg-amber-600")} />
        {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
      </span>
      <span className="sr-only" aria-live="polite">
        {announce}
      </span>
    </>
  );
}
