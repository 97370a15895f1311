"use client";

import { type RefObject, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * On a phone the claim panel sits below the whole article, so the claim form a selection opens
 * there is out of sight (and there is no number key to press). While `target` is out of view this
 * bar at the foot of the screen says what is waiting and takes the reader to it. Hidden from the
 * `md` breakpoint up, where the panel sits beside the text.
 */
export function PanelJump({ target, quote, label, onJump }: { target: RefObject<HTMLElement | null>; quote: string; label: string; onJump: () => void }) {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? true));
    observer.observe(el);
    return () => observer.disconnect();
  }, [target]);
  if (inView) return null;
  return (
    <div
      className="fixed inset-x-0 bottom-0 z-30 flex items-center gap-3 border-t border-slate-200 bg-white px-4 py-3 shadow-[0_-2px_8px_rgba(0,0,0,0.08)] md:hidden"
      data-testid="panel-jump"
    >
      <q className="min-w-0 flex-1 truncate text-sm text-slate-700 italic">{quote}</q>
      <Button className="shrink-0" onClick={onJump}>
        {label}
      </Button>
    </div>
  );
}
