import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getReviewSettings } from "@/lib/server/review";
import { ReviewSettingsPanel } from "@/components/review/review-settings";
import { currentSessionId, requirePageMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/membership";
import { listClaimTypes, listMembers } from "@/lib/server/workspaces";
import { ClaimTypesEditor } from "@/components/settings/claim-types-editor";
import { MembersPanel } from "@/components/settings/members-panel";
import { InvitationsPanel } from "@/components/settings/invitations-panel";
import { LeaveWorkspace } from "@/components/settings/leave-workspace";
import { listInvitations } from "@/lib/server/invitations";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { ActiveSessions } from "@/components/account/active-sessions";
import { LanguageSetting } from "@/components/account/language-setting";
import { userLocale } from "@/lib/server/users";
import { listSessions } from "@/lib/server/user-sessions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, actor } = await requirePageMember(slug);
  const t = await getTranslations("settings");
  const tr = await getTranslations("roles");
  const reviewSettings = await getReviewSettings(actor);
  const canManageMembers = can(actor, "members.manage");
  const [types, members, invitations, savedLocale, sessions] = await Promise.all([
    listClaimTypes(actor),
    listMembers(actor),
    canManageMembers ? listInvitations(actor) : Promise.resolve([]),
    userLocale(user.id),
    currentSessionId().then((sid) => listSessions(user.id, sid)),
  ]);
  return (
    <main className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
      <section aria-labelledby="types-h" className="rounded-lg border border-slate-200 bg-white p-5">
        <h1 id="types-h" className="text-lg font-semibold">
          {t("claimTypes")}
        </h1>
        <p className="mb-4 text-sm text-slate-600">{t("claimTypesHint")}</p>
        <ClaimTypesEditor workspaceId={actor.workspaceId} types={types} canEdit={can(actor, "claimTypes.manage")} />
      </section>
      <section aria-labelledby="members-h" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="members-h" className="text-lg font-semibold">
          {t("members")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("membersHint")}</p>
        <MembersPanel workspaceId={actor.workspaceId} members={members} canManage={canManageMembers} />
        {canManageMembers && (
          <section aria-labelledby="invitations-h" className="mt-6 border-t border-slate-100 pt-4">
            <h3 id="invitations-h" className="font-semibold">
              {t("inviteByLink")}
            </h3>
            <p className="mb-3 text-sm text-slate-600">{t("inviteHint")}</p>
            <InvitationsPanel workspaceId={actor.workspaceId} invitations={invitations} />
          </section>
        )}
        <div className="mt-6 flex items-center gap-3 border-t border-slate-100 pt-4 text-sm text-slate-600">
          <LeaveWorkspace workspaceId={actor.workspaceId} workspaceName={actor.workspaceName} />
          <span>{t("youAre", { role: tr(actor.role) })}</span>
        </div>
      </section>
      <section aria-labelledby="review-h" className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
        <h2 id="review-h" className="text-lg font-semibold">
          {t("review")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          {t.rich("reviewHint", {
            link: (chunks) => (
              <a href={`/w/${slug}/review`} className="text-blue-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
        <ReviewSettingsPanel workspaceId={actor.workspaceId} settings={reviewSettings} canManage={can(actor, "workspace.manage")} />
      </section>
      <section aria-labelledby="account-h" className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
        <h2 id="account-h" className="text-lg font-semibold">
          {t("account")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("accountHint")}</p>
        <div className="flex flex-wrap items-start justify-between gap-6">
          <ChangePasswordForm />
          <LanguageSetting saved={savedLocale} />
          <SignOutEverywhere />
          <ActiveSessions sessions={sessions} now={new Date()} />
        </div>
      </section>
      <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm lg:col-span-2">
        {t.rich("apiTokens", {
          tokens: (chunks) => (
            <a href={`/w/${slug}/settings/api-tokens`} className="font-semibold text-blue-700 underline">
              {chunks}
            </a>
          ),
          api: (chunks) => (
            <a href={`/w/${slug}/api-docs`} className="text-blue-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
      <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm lg:col-span-2">
        {t.rich("workspaces", {
          link: (chunks) => (
            <a href="/workspaces" className="font-semibold text-blue-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </main>
  );
}
