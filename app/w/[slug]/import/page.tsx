import type { Metadata } from "next";
import { requirePageMember } from "@/lib/auth/session";
import { ImportWizard } from "@/components/import/import-wizard";
import { BulkImportPanel } from "@/components/import/bulk-import";

export const metadata: Metadata = { title: "Import articles" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug, "articles.write");
  return (
    <main className="mx-auto max-w-4xl">
      <h1 className="text-xl font-semibold">Import articles</h1>
      <p className="mt-1 text-sm text-slate-600">
        Paste an article or upload .txt / .md files (UTF-8, up to 5 MB each). We detect the title, date, byline, publisher and the origins it relays; check them
        before saving.
      </p>
      <ImportWizard workspaceId={actor.workspaceId} slug={slug} />
      <BulkImportPanel workspaceId={actor.workspaceId} slug={slug} />
    </main>
  );
}
