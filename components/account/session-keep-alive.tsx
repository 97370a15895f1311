"use client";

import { useEffect } from "react";

// Well inside the shortest idle lifetime lib/env.ts allows (15 minutes).
const REFRESH_EVERY_MS = 5 * 60_000;
const ACTIVITY = ["pointerdown", "keydown", "wheel"] as const;

/**
 * Keeps an active user's session from timing out: on input, at most every five minutes, it asks
 * Auth.js for the session, which checks it and re-issues the cookie (restarting the idle
 * lifetime; pages cannot, as server components cannot set cookies). Without input nothing is
 * sent, so an unattended tab times out. A session that has ended elsewhere goes to sign-in.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = 0;
    let busy = false;
    const refresh = () => {
      if (busy || Date.now() - last < REFRESH_EVERY_MS) return;
      busy = true;
      last = Date.now();
      fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
        .then((res) => (res.ok ? res.json() : undefined))
        .then((session: unknown) => {
          if (session === null) window.location.assign("/login");
        })
        .catch(() => {})
        .finally(() => {
          busy = false;
        });
    };
    for (const type of ACTIVITY) window.addEventListener(type, refresh, { passive: true });
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, refresh);
    };
  }, []);
  return null;
}
