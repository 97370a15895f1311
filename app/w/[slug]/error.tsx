"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useDatabaseDown } from "@/components/errors/use-database-down";

/** Errors inside a workspace keep its header and offer a way back. */
export default function WorkspaceError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("pages");
  const { slug } = useParams<{ slug: string }>();
  const databaseDown = useDatabaseDown();
  return (
    <main className="mx-auto max-w-lg py-16 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{databaseDown ? t("dbDownTitle") : t("wsErrorTitle")}</h1>
      <p className="mt-2 text-slate-600">{databaseDown ? t("dbDownText") : t("wsErrorText")}</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-slate-900 px-4 py-2 text-sm text-white">
          {t("tryAgain")}
        </button>
        <Link href={`/w/${slug}`} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
          {t("backToArticles")}
        </Link>
      </div>
    </main>
  );
}
