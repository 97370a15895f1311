"use client";

import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("report");
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700">
      {t("print")}
    </button>
  );
}
