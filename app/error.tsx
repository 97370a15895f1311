"use client";

import { useTranslations } from "next-intl";
import { useDatabaseDown } from "@/components/errors/use-database-down";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("pages");
  const databaseDown = useDatabaseDown();
  return (
    <main className="mx-auto max-w-lg p-10 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{databaseDown ? t("dbDownTitle") : t("errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{databaseDown ? t("dbDownText") : t("errorText")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white">
        {t("tryAgain")}
      </button>
    </main>
  );
}
