import type { Metadata } from "next";
import Link from "next/link";
import { currentUserId } from "@/lib/auth/session";
import { hasRole, type Role } from "@/lib/domain/roles";
import { describeInvitation } from "@/lib/server/invitations";
import { AcceptButton } from "./accept-button";

// The token is in this page's URL: never send it on as a referrer.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const ROLE_HINT: Record<Role, string> = {
  OWNER: "manage members and settings, and everything editors do",
  EDITOR: "import articles and mark claims",
  REVIEWER: "read and review claims",
  VIEWER: "read claims and comparisons",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const userId = await currentUserId();
  const invite = await describeInvitation(token, userId);
  const back = encodeURIComponent(`/invite/${token}`);
  const openLink = (slug: string | null, name: string) =>
    slug && (
      <Link href={`/w/${slug}`} className="mt-4 inline-block text-blue-700 underline">
        Open {name}
      </Link>
    );

  let body: React.ReactNode;
  if (invite.status === "unknown") {
    body = <Message title="This invitation link is not valid" text="Check that you copied all of it, or ask the person who invited you for a new one." />;
  } else {
    const ws = invite.workspace.name;
    const role = invite.role.toLowerCase();
    if (invite.status === "revoked") {
      body = <Message title="This invitation was revoked" text={`Ask an owner of ${ws} for a new link.`} />;
    } else if (invite.status === "expired") {
      body = (
        <Message
          title="This invitation has expired"
          text={`It was valid until ${invite.expiresAt.toISOString().slice(0, 10)}. Ask an owner of ${ws} for a new link.`}
        />
      );
    } else if (invite.status === "used") {
      body = invite.usedByYou ? (
        <Message title={`You have already joined ${ws}`} text="Each invitation link works once; you used this one.">
          {openLink(invite.workspace.slug, ws)}
        </Message>
      ) : (
        <Message title="This invitation has already been used" text={`Each link works once. Ask an owner of ${ws} for a new one.`}>
          {openLink(invite.workspace.slug, ws)}
        </Message>
      );
    } else if (!userId) {
      body = (
        <Message
          title={`Join ${ws}`}
          text={`${invite.invitedBy} invited you to join as ${role} (${ROLE_HINT[invite.role]}). Sign in or create an account to accept.`}
        >
          <div className="mt-5 flex gap-3">
            <Link href={`/signup?next=${back}`} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
              Create an account
            </Link>
            <Link href={`/login?next=${back}`} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100">
              Sign in
            </Link>
          </div>
        </Message>
      );
    } else if (invite.yourRole && hasRole(invite.yourRole, invite.role)) {
      body = (
        <Message
          title={`You are already a member of ${ws}`}
          text={`You are ${invite.yourRole.toLowerCase()} there, and this invitation (${role}) would not change that; it stays unused for the person it was meant for.`}
        >
          {openLink(invite.workspace.slug, ws)}
        </Message>
      );
    } else {
      const now = invite.yourRole ? ` You are ${invite.yourRole.toLowerCase()} there now; accepting makes you ${role}.` : "";
      body = (
        <Message title={`Join ${ws}`} text={`${invite.invitedBy} invited you to join as ${role} (${ROLE_HINT[invite.role]}).${now}`}>
          <div className="mt-5">
            <AcceptButton token={token} label={`Join ${ws} as ${role}`} />
          </div>
        </Message>
      );
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm" data-testid="invitation">
        <p className="mb-1 text-xs font-semibold uppercase tracking-wider text-blue-700">Claimboard</p>
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
