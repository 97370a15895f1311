import type { Metadata } from "next";
import { requirePageMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/membership";
import { listClaimTypes, listMembers } from "@/lib/server/workspaces";
import { ClaimTypesEditor } from "@/components/settings/claim-types-editor";
import { MembersPanel } from "@/components/settings/members-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug);
  const [types, members] = await Promise.all([listClaimTypes(actor), listMembers(actor)]);
  return (
    <main className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="types-h" className="rounded-lg border border-slate-200 bg-white p-5">
        <h1 id="types-h" className="text-lg font-semibold">
          Claim types
        </h1>
        <p className="mb-4 text-sm text-slate-600">Colours and number keys used when marking claims.</p>
        <ClaimTypesEditor workspaceId={actor.workspaceId} types={types} canEdit={can(actor, "claimTypes.manage")} />
      </section>
      <section aria-labelledby="members-h" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="members-h" className="text-lg font-semibold">
          Members
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          Owners manage members. Editors import and mark claims; reviewers and viewers read; owners also edit claim types.
        </p>
        <MembersPanel workspaceId={actor.workspaceId} members={members} canManage={can(actor, "members.manage")} />
      </section>
      <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm lg:col-span-2">
        <a href={`/w/${slug}/settings/api-tokens`} className="font-semibold text-blue-700 underline">
          API tokens
        </a>
        : personal tokens for scripts using the{" "}
        <a href={`/w/${slug}/api-docs`} className="text-blue-700 underline">
          REST API
        </a>
        .
      </p>
      <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm lg:col-span-2">
        <a href="/workspaces" className="font-semibold text-blue-700 underline">
          Your workspaces
        </a>
        : switch desks or create a new workspace (you will own it).
      </p>
    </main>
  );
}
