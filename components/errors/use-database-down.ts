"use client";

import { useEffect, useState } from "react";

/**
 * Whether the error a page shows comes from the database being down: the page cannot tell
 * (Next.js hides server errors from the browser), so it asks GET /api/health.
 */
export function useDatabaseDown(): boolean {
  const [down, setDown] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((res) => {
        if (live) setDown(res.status === 503);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return down;
}
