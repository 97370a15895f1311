"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { revokeApiTokenAction } from "@/lib/actions/settings";

export type TokenRow = {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  user: { id: string; name: string };
};

// Rendered on the server and the client alike, so no locale- or timezone-dependent formatting.
const when = (iso: string | null, none = "never") => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : none);

/** The tokens with their use and state; active ones can be revoked after a confirmation. */
export function TokenList({ workspaceId, currentUserId, tokens }: { workspaceId: string; currentUserId: string; tokens: TokenRow[] }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-600">No tokens yet.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="API tokens">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-3 font-medium">Name</th>
          <th className="py-2 pr-3 font-medium">Role</th>
          <th className="py-2 pr-3 font-medium">Created</th>
          <th className="py-2 pr-3 font-medium">Last used</th>
          <th className="py-2 pr-3 font-medium">State</th>
          <th className="py-2">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((t) => (
          <tr key={t.id} data-testid="token-row" className={t.revokedAt ? "text-slate-500" : undefined}>
            <td className="py-2 pr-3">
              <span className="font-medium">{t.name}</span>
              {t.user.id !== currentUserId && <span className="block text-xs text-slate-500">by {t.user.name}</span>}
            </td>
            <td className="py-2 pr-3">
              <span className="rounded bg-slate-100 px-1.5 text-xs uppercase">{t.role.toLowerCase()}</span>
            </td>
            <td className="py-2 pr-3 whitespace-nowrap">{when(t.createdAt)}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{when(t.lastUsedAt)}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{t.revokedAt ? `revoked ${when(t.revokedAt)}` : "active"}</td>
            <td className="py-2 text-right">{!t.revokedAt && <RevokeButton workspaceId={workspaceId} token={t} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevokeButton({ workspaceId, token }: { workspaceId: string; token: TokenRow }) {
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary">
          Revoke…
        </Button>
      }
      title={`Revoke “${token.name}”?`}
      description="Anything using this token gets “401 unauthorized” from its next request on. This cannot be undone; create a new token to restore access."
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      onConfirm={async () => {
        const res = await revokeApiTokenAction(workspaceId, token.id);
        return res.ok ? null : res.error.message;
      }}
    />
  );
}
