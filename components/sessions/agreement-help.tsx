import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

const TERMS = ["units", "f1", "character", "cohen", "fleiss", "alpha", "unitizing", "speaker", "reading"] as const;

const rich = {
  em: (chunks: ReactNode) => <em>{chunks}</em>,
  strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
};

/** Plain-words definitions of every figure in the agreement panel. */
export function AgreementHelp() {
  const t = useTranslations("sessions.agreementHelp");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="agreement-help">
      <summary className="cursor-pointer font-medium text-slate-800">{t("summary")}</summary>
      <dl className="mt-3 space-y-3">
        {TERMS.map((term) => (
          <div key={term}>
            <dt className="font-medium text-slate-900">{t(`${term}.term`)}</dt>
            <dd className="mt-0.5 max-w-3xl leading-relaxed text-slate-700">{t.rich(`${term}.text`, rich)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
