"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useParams } from "next/navigation";

export default function SessionsError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("pages");
  const { slug } = useParams<{ slug: string }>();
  return (
    <main className="mx-auto max-w-lg p-10 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{t("sessionErrorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("sessionErrorText")}</p>
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded bg-slate-900 px-4 py-2 text-white">
          {t("tryAgain")}
        </button>
        <Link href={`/w/${slug}/sessions`} className="self-center text-blue-700 underline">
          {t("allSessions")}
        </Link>
      </div>
    </main>
  );
}
