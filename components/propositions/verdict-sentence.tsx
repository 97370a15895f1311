"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Verdict } from "@/lib/domain/comparison";
import { explain, type VerdictSay } from "@/lib/domain/comparison/sentence";

/**
 * The verdict in the reader's language, rebuilt from the stored verdict's evidence (the stored
 * sentence is the English one, for exports and the API).
 */
export function VerdictSentence({ verdict, approvedOnly }: { verdict: Omit<Verdict, "sentence"> & { sentence?: string }; approvedOnly: boolean }) {
  const t = useTranslations("verdict");
  const sentence = useMemo(() => explain(verdict.kind, verdict, approvedOnly, t as unknown as VerdictSay), [verdict, approvedOnly, t]);
  return <>{sentence}</>;
}
