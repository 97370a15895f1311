"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { VerdictKind } from "@/lib/domain/comparison";
import { VerdictBadge } from "./badges";

/**
 * The verdict badge of a live page: when another member's change moves the verdict, it says so
 * ("was Single origin") until the reader has seen it, instead of silently swapping the badge.
 */
export function LiveVerdictBadge({ kind, className }: { kind: VerdictKind; className?: string }) {
  const t = useTranslations("propositions");
  const previous = useRef(kind);
  const [was, setWas] = useState<VerdictKind | null>(null);
  useEffect(() => {
    if (previous.current === kind) return;
    setWas(previous.current);
    previous.current = kind;
  }, [kind]);
  return (
    <span className="inline-flex items-center gap-1.5">
      <VerdictBadge kind={kind} className={className} />
      {was && was !== kind && (
        <button
          type="button"
          className="rounded-full border border-amber-400 bg-amber-50 px-2 py-0.5 text-xs text-amber-900 motion-safe:animate-pulse"
          data-testid="verdict-changed"
          title={t("verdictChangedHint")}
          onClick={() => setWas(null)}
        >
          {t("verdictChanged", { was: t(`verdict.${was}`) })}
        </button>
      )}
    </span>
  );
}
