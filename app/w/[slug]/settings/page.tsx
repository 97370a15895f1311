import type { Metadata } from "next";
import { getReviewSettings } from "@/lib/server/review";
import { ReviewSettingsPanel } from "@/components/review/review-settings";
import { requirePageMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/membership";
import { listClaimTypes, listMembers } from "@/lib/server/workspaces";
import { ClaimTypesEditor } from "@/components/settings/claim-types-editor";
import { MembersPanel } from "@/components/settings/members-panel";
import { InvitationsPanel } from "@/components/settings/invitations-panel";
import { LeaveWorkspace } from "@/components/settings/leave-workspace";
import { listInvitations } from "@/lib/server/invitations";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug);
  const reviewSettings = await getReviewSettings(actor);
  const canManageMembers = can(actor, "members.manage");
  const [types, members, invitations] = await Promise.all([
    listClaimTypes(actor),
    listMembers(actor),
    canManageMembers ? listInvitations(actor) : Promise.resolve([]),
  ]);
  return (
    <main className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
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
        <MembersPanel workspaceId={actor.workspaceId} members={members} canManage={canManageMembers} />
        {canManageMembers && (
          <section aria-labelledby="invitations-h" className="mt-6 border-t border-slate-100 pt-4">
            <h3 id="invitations-h" className="font-semibold">
              Invite by link
            </h3>
            <p className="mb-3 text-sm text-slate-600">
              For someone without an account here yet: they sign up or sign in from the link and join with the role. Each link works once.
            </p>
            <InvitationsPanel workspaceId={actor.workspaceId} invitations={invitations} />
          </section>
        )}
        <div className="mt-6 flex items-center gap-3 border-t border-slate-100 pt-4 text-sm text-slate-600">
          <LeaveWorkspace workspaceId={actor.workspaceId} workspaceName={actor.workspaceName} />
          <span>You are {actor.role.toLowerCase()} here. The last owner cannot leave.</span>
        </div>
      </section>
      <section aria-labelledby="review-h" className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
        <h2 id="review-h" className="text-lg font-semibold">
          Review
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          Claims go draft → submitted → approved or rejected; reviewers and above review them in the{" "}
          <a href={`/w/${slug}/review`} className="text-blue-700 underline">
            review queue
          </a>
          .
        </p>
        <ReviewSettingsPanel workspaceId={actor.workspaceId} settings={reviewSettings} canManage={can(actor, "workspace.manage")} />
      </section>
      <section aria-labelledby="account-h" className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
        <h2 id="account-h" className="text-lg font-semibold">
          Your account
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          For all your workspaces. Changing the password signs you out on every other device; signing out anywhere ends all your sessions.
        </p>
        <div className="flex flex-wrap items-start justify-between gap-6">
          <ChangePasswordForm />
          <SignOutEverywhere />
        </div>
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
