"use client";

import { mergeEntitiesAction } from "@/lib/actions/entities";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

type Pair = { a: { id: string; name: string }; b: { id: string; name: string }; score: number; reason: string };

/** Entities that probably name the same thing, each pair with a one-click merge (confirmed). */
export function LikelyDuplicates({ workspaceId, pairs, canEdit }: { workspaceId: string; pairs: Pair[]; canEdit: boolean }) {
  if (pairs.length === 0) return null;
  return (
    <section aria-labelledby="dupes-h" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="likely-duplicates">
      <h3 id="dupes-h" className="font-semibold text-amber-950">
        Likely duplicates ({pairs.length})
      </h3>
      <p className="text-sm text-amber-950">Two entries for one person or country split its claims into two origins. Merge the ones that are the same.</p>
      <ul className="mt-2 space-y-1.5 text-sm">
        {pairs.map((p) => (
          <li key={`${p.a.id}-${p.b.id}`} className="flex flex-wrap items-center gap-2">
            <span>
              <strong>{p.a.name}</strong> and <strong>{p.b.name}</strong> <span className="text-amber-900">— {p.reason}</span>
            </span>
            {canEdit && (
              <span className="ml-auto flex gap-1">
                {(
                  [
                    [p.b, p.a],
                    [p.a, p.b],
                  ] as const
                ).map(([from, into]) => (
                  <ConfirmDialog
                    key={from.id}
                    trigger={
                      <Button size="sm" variant="secondary">
                        Merge “{from.name}” into “{into.name}”
                      </Button>
                    }
                    title={`Merge “${from.name}” into “${into.name}”?`}
                    description={`Its aliases, the claims it speaks or acts in and its linked sources move to “${into.name}”; “${from.name}” is then deleted. This cannot be undone from here.`}
                    confirmLabel="Merge"
                    pendingLabel="Merging…"
                    onConfirm={async () => {
                      const r = await mergeEntitiesAction(workspaceId, { sourceId: from.id, targetId: into.id });
                      return r.ok ? null : r.error.message;
                    }}
                  />
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
