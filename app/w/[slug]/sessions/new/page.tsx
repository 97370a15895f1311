import type { Metadata } from "next";
import Link from "next/link";
import { requirePageMember } from "@/lib/auth/session";
import { sessionFormOptions } from "@/lib/server/session-form-options";
import { SessionForm } from "@/components/sessions/session-form";

export const metadata: Metadata = { title: "New session" };

export default async function NewSessionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug, "sessions.manage");
  const options = await sessionFormOptions(actor);
  return (
    <main className="mx-auto max-w-4xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/w/${slug}/sessions`} className="text-blue-700 underline">
          Sessions
        </Link>
      </nav>
      <h1 className="text-xl font-semibold">New annotation session</h1>
      <p className="text-sm text-slate-600">
        A session gives a set of articles to a team of annotators under shared guidelines; reviewers then curate their claims into the reconciled ones.
      </p>
      <SessionForm workspaceId={actor.workspaceId} slug={slug} options={options} />
    </main>
  );
}
