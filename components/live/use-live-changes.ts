"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent } from "@/lib/validation/live";

/** One change as the stream sends it. */
export type LiveChange = LiveEvent;

export type LiveStatus = "connecting" | "live" | "reconnecting" | "revoked";

type Options = {
  workspaceId: string;
  articleId?: string;
  propositionId?: string;
  /** The newest event id when the page's data was read: changes after it are replayed, none missed. */
  since?: string;
  /** Called for every change, in order, never twice for one id. */
  onChange: (e: LiveChange) => void;
  /**
   * `code` says why ("removed", "no_access"), for the component to say in the interface's
   * language; `reason` is the server's English words, kept for a code the component does not know.
   */
  onRevoked?: (why: { code: string | null; reason: string | null }) => void;
  /** The server could not replay everything missed (too long offline): reload the page's data. */
  onReset?: () => void;
};

/**
 * The workspace's changes for this page, over one EventSource. The browser reconnects by itself
 * and sends the last id it saw (Last-Event-ID), so the server replays exactly what was missed; the
 * id check here only guards against a replay overlapping what already arrived.
 */
export function useLiveChanges({ workspaceId, articleId, propositionId, since, onChange, onRevoked, onReset }: Options): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlers = useRef({ onChange, onRevoked, onReset });
  handlers.current = { onChange, onRevoked, onReset };
  // Each refresh brings a newer cursor; only a new subscription (another page) starts from it.
  const cursor = useRef(since);
  cursor.current = since;

  useEffect(() => {
    const q = new URLSearchParams();
    if (articleId) q.set("articleId", articleId);
    if (propositionId) q.set("propositionId", propositionId);
    const base = `/api/v1/workspaces/${workspaceId}/events`;
    let last: bigint | null = cursor.current ? BigInt(cursor.current) : null;
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const revoke = (why: { code: string | null; reason: string | null }) => {
      stopped = true;
      es?.close();
      setStatus("revoked");
      handlers.current.onRevoked?.(why);
    };
    const open = () => {
      const params = new URLSearchParams(q);
      // A new EventSource starts without the browser's Last-Event-ID: resume from what arrived.
      if (last !== null) params.set("lastEventId", last.toString());
      es = new EventSource(`${base}${params.size ? `?${params}` : ""}`);
      es.onopen = () => setStatus("live");
      es.onerror = () => {
        setStatus("reconnecting");
        // The browser retries by itself unless the server answered with an error (then it is CLOSED).
        if (es?.readyState === EventSource.CLOSED && !stopped) {
          retry = setTimeout(() => void check(), 2000);
        }
      };
      es.addEventListener("change", (m) => {
        const e = JSON.parse((m as MessageEvent<string>).data) as LiveChange;
        const id = BigInt(e.id);
        if (last !== null && id <= last) return;
        last = id;
        handlers.current.onChange(e);
      });
      es.addEventListener("reset", (m) => {
        last = BigInt((m as MessageEvent<string>).lastEventId || "0");
        handlers.current.onReset?.();
      });
      es.addEventListener("revoked", (m) => {
        const data = JSON.parse((m as MessageEvent<string>).data) as { code?: string; reason?: string };
        revoke({ code: data.code ?? null, reason: data.reason ?? null });
      });
    };
    // Why did the server refuse? Gone or forbidden means access ended; anything else, try again.
    const check = async () => {
      const ctl = new AbortController();
      const res = await fetch(`${base}?${q}`, { signal: ctl.signal, headers: { accept: "text/event-stream" } }).catch(() => null);
      ctl.abort();
      if (stopped) return;
      if (res && (res.status === 401 || res.status === 403 || res.status === 404)) return revoke({ code: "no_access", reason: null });
      open();
    };
    // When the machine goes offline a stream can hang for minutes before the browser notices;
    // close it at once and resume from the last id as soon as the network is back.
    const offline = () => {
      es?.close();
      clearTimeout(retry);
      setStatus("reconnecting");
    };
    const online = () => {
      if (stopped) return;
      es?.close();
      open();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      es?.close();
    };
  }, [workspaceId, articleId, propositionId]);

  return status;
}
