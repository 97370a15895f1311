import { getTranslations } from "next-intl/server";

/** Shown while a workspace page loads its data (the comparison and reports can take a moment). */
export default async function Loading() {
  const t = await getTranslations("pages");
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-16 text-sm text-slate-600">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" aria-hidden />
      {t("loading")}
    </div>
  );
}
