import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { currentUserId } from "@/lib/auth/session";
import { hasRole } from "@/lib/domain/roles";
import { describeInvitation } from "@/lib/server/invitations";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { AcceptButton } from "./accept-button";

// The token is in this page's URL: never send it on as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title"), referrer: "no-referrer" };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const userId = await currentUserId();
  const invite = await describeInvitation(token, userId);
  const back = encodeURIComponent(`/invite/${token}`);
  const openLink = (slug: string | null, name: string) =>
    slug && (
      <Link href={`/w/${slug}`} className="mt-4 inline-block text-blue-700 underline">
        {t("open", { ws: name })}
      </Link>
    );

  let body: React.ReactNode;
  if (invite.status === "unknown") {
    body = <Message title={t("unknownTitle")} text={t("unknownText")} />;
  } else {
    const ws = invite.workspace.name;
    const role = tr(invite.role);
    const hint = t(`roleHint.${invite.role}`);
    if (invite.status === "revoked") {
      body = <Message title={t("revokedTitle")} text={t("askOwner", { ws })} />;
    } else if (invite.status === "expired") {
      body = <Message title={t("expiredTitle")} text={t("expiredText", { until: format.dateTime(invite.expiresAt, "short"), ws })} />;
    } else if (invite.status === "used") {
      body = invite.usedByYou ? (
        <Message title={t("joinedTitle", { ws })} text={t("joinedText")}>
          {openLink(invite.workspace.slug, ws)}
        </Message>
      ) : (
        <Message title={t("usedTitle")} text={t("usedText", { ws })}>
          {openLink(invite.workspace.slug, ws)}
        </Message>
      );
    } else if (!userId) {
      body = (
        <Message title={t("joinTitle", { ws })} text={t("signedOutText", { by: invite.invitedBy, role, hint })}>
          <div className="mt-5 flex gap-3">
            <Link href={`/signup?next=${back}`} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
              {t("createAccount")}
            </Link>
            <Link href={`/login?next=${back}`} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100">
              {t("signIn")}
            </Link>
          </div>
        </Message>
      );
    } else if (invite.yourRole && hasRole(invite.yourRole, invite.role)) {
      body = (
        <Message title={t("memberTitle", { ws })} text={t("memberText", { yours: tr(invite.yourRole), role })}>
          {openLink(invite.workspace.slug, ws)}
        </Message>
      );
    } else {
      const text = invite.yourRole
        ? t("upgradeText", { by: invite.invitedBy, role, hint, yours: tr(invite.yourRole) })
        : t("invitedText", { by: invite.invitedBy, role, hint });
      body = (
        <Message title={t("joinTitle", { ws })} text={text}>
          <div className="mt-5">
            <AcceptButton token={token} label={t("joinAs", { ws, role })} />
          </div>
        </Message>
      );
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm" data-testid="invitation">
        <div className="mb-1 flex items-center justify-between gap-2">
          <p className="text-xs font-semibold uppercase tracking-wider text-blue-700">Claimboard</p>
          <LocaleSwitch />
        </div>
        {body}
      </div>
    </main>
  );
}

function Message({ title, text, children }: { title: string; text: string; children?: React.ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{text}</p>
      {children}
    </>
  );
}
