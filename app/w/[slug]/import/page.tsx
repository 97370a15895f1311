import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { ImportWizard } from "@/components/import/import-wizard";
import { BulkImportPanel } from "@/components/import/bulk-import";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importPage"))("title") };
}

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug, "articles.write");
  const t = await getTranslations("importPage");
  return (
    <main className="mx-auto max-w-4xl">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <ImportWizard workspaceId={actor.workspaceId} slug={slug} />
      <BulkImportPanel workspaceId={actor.workspaceId} slug={slug} />
    </main>
  );
}
