import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { sessionFormOptions } from "@/lib/server/session-form-options";
import { SessionForm } from "@/components/sessions/session-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessionsPage"))("newTitle") };
}

export default async function NewSessionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug, "sessions.manage");
  const options = await sessionFormOptions(actor);
  const t = await getTranslations("sessionsPage");
  return (
    <main className="mx-auto max-w-4xl space-y-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/w/${slug}/sessions`} className="text-blue-700 underline">
          {t("title")}
        </Link>
      </nav>
      <h1 className="text-xl font-semibold">{t("newHeading")}</h1>
      <p className="text-sm text-slate-600">{t("newIntro")}</p>
      <SessionForm workspaceId={actor.workspaceId} slug={slug} options={options} />
    </main>
  );
}
