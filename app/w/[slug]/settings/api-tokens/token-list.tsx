"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { revokeApiTokenAction } from "@/lib/actions/settings";
import type { Role } from "@/lib/domain/vocabulary";

export type TokenRow = {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  user: { id: string; name: string };
};

// Rendered on the server and the client alike: the provider gives both the same locale and time zone.
function useWhen() {
  const format = useFormatter();
  const t = useTranslations("apiTokens");
  return (iso: string | null) => (iso ? format.dateTime(new Date(iso), "shortTime") : t("never"));
}

/** The tokens with their use and state; active ones can be revoked after a confirmation. */
export function TokenList({ workspaceId, currentUserId, tokens }: { workspaceId: string; currentUserId: string; tokens: TokenRow[] }) {
  const t = useTranslations("apiTokens");
  const tr = useTranslations("roles");
  const when = useWhen();
  if (tokens.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <table className="w-full text-left text-sm" aria-label={t("table")}>
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-3 font-medium">{t("colName")}</th>
          <th className="py-2 pr-3 font-medium">{t("colRole")}</th>
          <th className="py-2 pr-3 font-medium">{t("colCreated")}</th>
          <th className="py-2 pr-3 font-medium">{t("colLastUsed")}</th>
          <th className="py-2 pr-3 font-medium">{t("colState")}</th>
          <th className="py-2">
            <span className="sr-only">{t("colActions")}</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((token) => (
          <tr key={token.id} data-testid="token-row" className={token.revokedAt ? "text-slate-500" : undefined}>
            <td className="py-2 pr-3">
              <span className="font-medium">{token.name}</span>
              {token.user.id !== currentUserId && <span className="block text-xs text-slate-500">{t("by", { name: token.user.name })}</span>}
            </td>
            <td className="py-2 pr-3">
              <span className="rounded bg-slate-100 px-1.5 text-xs uppercase">{tr(token.role)}</span>
            </td>
            <td className="py-2 pr-3 whitespace-nowrap">{when(token.createdAt)}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{when(token.lastUsedAt)}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{token.revokedAt ? t("revokedAt", { when: when(token.revokedAt) }) : t("active")}</td>
            <td className="py-2 text-right">{!token.revokedAt && <RevokeButton workspaceId={workspaceId} token={token} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevokeButton({ workspaceId, token }: { workspaceId: string; token: TokenRow }) {
  const t = useTranslations("apiTokens");
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary">
          {t("revoke")}
        </Button>
      }
      title={t("revokeTitle", { name: token.name })}
      description={t("revokeText")}
      confirmLabel={t("revokeConfirm")}
      pendingLabel={t("revoking")}
      onConfirm={async () => {
        const res = await revokeApiTokenAction(workspaceId, token.id);
        return res.ok ? null : res.error.message;
      }}
    />
  );
}
