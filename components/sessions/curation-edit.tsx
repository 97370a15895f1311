"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ClaimForm, valuesFrom } from "@/components/reader/claim-form";
import type { ClaimTypeView } from "@/components/reader/types";
import type { ClaimFormValues } from "@/lib/validation/schemas";
import type { UnitClaim } from "./curation-claim";

/**
 * The claim form, prefilled from one annotator's claim: saving accepts the edited claim as the
 * unit's reconciled one (the annotator's own claim is left as it was).
 */
export function EditAndAccept({
  workspaceId,
  claimTypes,
  claim,
  name,
  error,
  conflict,
  onSubmit,
  onCancel,
  onReload,
}: {
  workspaceId: string;
  claimTypes: ClaimTypeView[];
  claim: UnitClaim;
  name: string;
  error: string | null;
  conflict: boolean;
  onSubmit: (v: ClaimFormValues) => Promise<Record<string, string> | undefined>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useTranslations("sessions.curation.edit");
  // Read once: a live refresh brings a new claim object, and the form must not lose what was typed.
  const [initial] = useState(() => valuesFrom(claim));
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("input:checked, input, select, textarea")?.focus();
  }, []);
  return (
    <section ref={ref} aria-label={t("title", { name })} className="rounded-lg border border-blue-300 bg-white p-4" data-testid="edit-accept">
      <h3 className="text-sm font-semibold">{t("title", { name })}</h3>
      <p className="mb-2 text-xs text-slate-600">{t("explain", { name })}</p>
      <ClaimForm
        workspaceId={workspaceId}
        claimTypes={claimTypes}
        quote={claim.exact}
        initial={initial}
        mode="edit"
        error={error}
        conflict={conflict}
        onSubmit={onSubmit}
        onCancel={onCancel}
        onReload={onReload}
      />
    </section>
  );
}
