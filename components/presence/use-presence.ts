"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { HEARTBEAT_MS, type Viewer } from "@/lib/domain/presence";

const NONE: Viewer[] = [];

// One id per mounted reader; getRandomValues works on plain-http deployments, where randomUUID does not.
const newTabId = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Keep this tab's presence on an article: a heartbeat every 5 s while the tab is visible, at once
 * when the claim being edited changes, and a leave when the page goes away (keepalive, so it is
 * sent while the tab closes). Answers the viewers from the latest heartbeat reply, or `initial`
 * whenever the page renders a new list, and a `recheck` that beats at once (for a live
 * `presence.changed` from someone else: the page is not re-rendered for presence).
 */
export function usePresence({
  workspaceId,
  articleId,
  editingAnnotationId,
  initial = NONE,
}: {
  workspaceId: string;
  articleId: string;
  editingAnnotationId: string | null;
  initial?: Viewer[];
}): [viewers: Viewer[], recheck: () => void] {
  const [viewers, setViewers] = useState(initial);
  useEffect(() => setViewers(initial), [initial]);
  const editing = useRef(editingAnnotationId);
  const beatNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    const tabId = newTabId();
    const url = `/api/v1/workspaces/${workspaceId}/articles/${articleId}/presence`;
    let mounted = true;
    const beat = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const res = await fetch(url, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ tabId, editingAnnotationId: editing.current }),
        });
        if (!res.ok) return;
        const body = (await res.json()) as { items: Viewer[] };
        if (mounted) setViewers(body.items);
      } catch {
        // Offline or navigating away: the next heartbeat tries again.
      }
    };
    const leave = () => {
      void fetch(`${url}?tabId=${tabId}`, { method: "DELETE", keepalive: true }).catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") void beat();
    };
    // Back from the back/forward cache, after pagehide has said goodbye.
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) void beat();
    };
    beatNow.current = () => void beat();
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      mounted = false;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", onPageShow);
      // Navigating inside the app unmounts the reader without a pagehide.
      leave();
    };
  }, [workspaceId, articleId]);

  useEffect(() => {
    if (editing.current === editingAnnotationId) return;
    editing.current = editingAnnotationId;
    beatNow.current();
  }, [editingAnnotationId]);

  const recheck = useCallback(() => beatNow.current(), []);
  return [viewers, recheck];
}
