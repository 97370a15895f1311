"use client";

import { useTranslations } from "next-intl";

export default function EntitiesError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("pages");
  return (
    <main className="mx-auto max-w-lg p-10 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{t("entitiesErrorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("entitiesErrorText")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white">
        {t("tryAgain")}
      </button>
    </main>
  );
}
