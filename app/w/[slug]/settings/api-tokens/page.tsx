import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { ROLES, hasRole } from "@/lib/domain/roles";
import { listApiTokens } from "@/lib/server/api-tokens";
import { NewTokenForm } from "./new-token-form";
import { TokenList } from "./token-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

export default async function ApiTokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, actor } = await requirePageMember(slug);
  const tokens = await listApiTokens(actor);
  const t = await getTranslations("apiTokens");
  const tr = await getTranslations("roles");
  const roles = ROLES.filter((r) => hasRole(actor.role, r));
  return (
    <main className="mx-auto max-w-4xl space-y-6">
      <p className="text-sm">
        <Link href={`/w/${slug}/settings`} className="text-blue-700 underline">
          {t("back")}
        </Link>
      </p>
      <section aria-labelledby="tokens-h" className="rounded-lg border border-slate-200 bg-white p-5">
        <h1 id="tokens-h" className="text-lg font-semibold">
          {t("title")}
        </h1>
        <p className="mb-4 text-sm text-slate-600">
          {t.rich("intro", {
            role: tr(actor.role),
            api: (chunks) => (
              <Link href={`/w/${slug}/api-docs`} className="text-blue-700 underline">
                {chunks}
              </Link>
            ),
            code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code>,
          })}{" "}
          <code className="rounded bg-slate-100 px-1" data-testid="workspace-id">
            {actor.workspaceId}
          </code>
        </p>
        <NewTokenForm workspaceId={actor.workspaceId} slug={slug} roles={roles} />
      </section>
      <section aria-labelledby="token-list-h" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="token-list-h" className="mb-3 text-lg font-semibold">
          {actor.role === "OWNER" ? t("allTokens") : t("yourTokens")}
        </h2>
        <TokenList
          workspaceId={actor.workspaceId}
          currentUserId={user.id}
          tokens={tokens.map((t) => ({
            ...t,
            createdAt: t.createdAt.toISOString(),
            lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
            revokedAt: t.revokedAt?.toISOString() ?? null,
          }))}
        />
      </section>
    </main>
  );
}
