import Link from "next/link";
import { useTranslations } from "next-intl";

/** Shown instead of the curation view when the service refuses it: not an adjudicator, or the session is still blind. */
export function CurationRefused({ slug, sessionId, code, message }: { slug: string; sessionId: string; code: "forbidden" | "conflict"; message: string }) {
  const t = useTranslations("sessions.curation.refused");
  return (
    <main className="mx-auto max-w-lg py-16 text-center" data-testid="curation-refused">
      <h1 className="text-2xl font-semibold">{code === "conflict" ? t("conflict") : t("forbidden")}</h1>
      <p className="mt-2 text-slate-600">{message}.</p>
      <Link href={`/w/${slug}/sessions/${sessionId}`} className="mt-6 inline-block text-blue-700 underline">
        {t("back")}
      </Link>
    </main>
  );
}
