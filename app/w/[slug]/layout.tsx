import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { requirePageMember } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/config";
import { listWorkspaces } from "@/lib/server/workspaces";
import { WorkspaceNav } from "@/components/workspace/workspace-nav";
import { HeaderSearch } from "@/components/search/header-search";
import { ShortcutsHelp } from "@/components/workspace/shortcuts-help";
import { MobileNav } from "@/components/workspace/mobile-nav";
import { ThemeMenu } from "@/components/workspace/theme-toggle";
import { UnreadBadge } from "@/components/inbox/unread-badge";
import { unreadCount } from "@/lib/server/inbox";
import { can } from "@/lib/auth/membership";
import { getReviewSummary } from "@/lib/server/review";
import { ReviewNavLink } from "@/components/review/review-nav-link";
import { ReviewProvider } from "@/components/review/review-context";
import { SessionKeepAlive } from "@/components/account/session-keep-alive";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, actor } = await requirePageMember(slug);
  const [workspaces, review] = await Promise.all([listWorkspaces(user.id), getReviewSummary(actor)]);
  const { unread } = await unreadCount(actor);
  const t = await getTranslations("shell");
  const tr = await getTranslations("roles");
  const workspaceList = workspaces.map((w) => ({ slug: w.slug, name: w.name }));
  const canImport = actor.role !== "VIEWER" && actor.role !== "REVIEWER";
  const reviewLink = review.submitted !== null ? <ReviewNavLink slug={slug} submitted={review.submitted} /> : undefined;
  const inbox = <UnreadBadge slug={slug} workspaceId={actor.workspaceId} initial={unread} />;
  // Ends every session of the account: the signOut event bumps its session version (lib/auth/config.ts).
  const signOutForm = (
    <form
      action={async () => {
        "use server";
        await signOut({ redirectTo: "/login" });
      }}
    >
      <button type="submit" className="whitespace-nowrap text-slate-600 underline hover:text-slate-900">
        {t("signOut")}
      </button>
    </form>
  );
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex h-14 max-w-[1400px] items-center gap-3 px-4 2xl:max-w-none 2xl:gap-4">
          <Link href={`/w/${slug}`} className="font-semibold text-blue-800">
            Claimboard
          </Link>
          <WorkspaceNav slug={slug} workspaces={workspaceList} current={actor.workspaceName} canImport={canImport} review={reviewLink} />
          <div className="ml-auto flex min-w-0 items-center gap-2 text-sm">
            {/* Below xl these live in the Menu sheet; display: contents keeps the xl header as it was. */}
            <div className="hidden xl:contents">
              {inbox}
              <HeaderSearch slug={slug} />
            </div>
            <div className="hidden xl:contents">
              <ThemeMenu />
            </div>
            <ShortcutsHelp />
            <div className="hidden xl:contents">
              <LocaleSwitch short />
            </div>
            <span className="whitespace-nowrap text-slate-600" data-testid="current-user" title={user.email}>
              <span className="hidden min-[1800px]:inline">{user.name} · </span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium uppercase" data-testid="current-role">
                {tr(actor.role)}
              </span>
            </span>
            <SessionKeepAlive />
            <div className="hidden xl:contents">{signOutForm}</div>
            <MobileNav
              slug={slug}
              workspaces={workspaceList}
              current={actor.workspaceName}
              canImport={canImport}
              review={reviewLink}
              inbox={inbox}
              signOut={signOutForm}
            />
          </div>
        </div>
      </header>
      <ReviewProvider
        value={{
          workspaceId: actor.workspaceId,
          userId: user.id,
          canWrite: can(actor, "claims.write"),
          canReview: can(actor, "claims.review"),
          allowSelfApproval: review.allowSelfApproval,
        }}
      >
        <div className="mx-auto w-full min-w-0 max-w-[1400px] flex-1 px-4 py-6">{children}</div>
      </ReviewProvider>
    </div>
  );
}
