"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { EntityListItem } from "@/lib/server/entities";
import { AliasChips } from "./alias-chips";
import { AliasForm } from "./alias-form";
import { EntityForm } from "./entity-form";
import { MergeDialog } from "./merge-dialog";
import { SpeaksFor } from "./speaks-for";

/** One entity: name, kind, usage, alias chips; editors also rename, add aliases and merge. */
export function EntityCard({ workspaceId, slug, entity, canEdit }: { workspaceId: string; slug: string; entity: EntityListItem; canEdit: boolean }) {
  const t = useTranslations("entities");
  const [editing, setEditing] = useState(false);
  const [addingAlias, setAddingAlias] = useState(false);
  const headingId = `entity-${entity.id}`;
  return (
    <li aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="entity-card">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={headingId} className="text-base font-semibold">
          {entity.name}
        </h3>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium uppercase text-slate-700">{t(`kind.${entity.kind}`)}</span>
        <span className="text-sm text-slate-600">{t("usage", { claims: entity.counts.speakerUses, sources: entity.counts.sources })}</span>
        {canEdit && !editing && (
          <div className="ml-auto flex gap-2">
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              {t.rich("editEntity", { name: entity.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
            </Button>
            <MergeDialog workspaceId={workspaceId} entity={entity} />
          </div>
        )}
      </div>
      {editing && (
        <div className="mt-3">
          <EntityForm workspaceId={workspaceId} slug={slug} entity={entity} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </div>
      )}
      <SpeaksFor workspaceId={workspaceId} entity={entity} canEdit={canEdit} />
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <AliasChips workspaceId={workspaceId} entityName={entity.name} aliases={entity.aliases} canEdit={canEdit} />
        {canEdit && !addingAlias && (
          <Button size="sm" variant="ghost" className="py-0.5 text-blue-800" onClick={() => setAddingAlias(true)}>
            <span aria-hidden>+ </span>
            {t.rich("addAnAlias", { name: entity.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          </Button>
        )}
      </div>
      {canEdit && addingAlias && (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <AliasForm workspaceId={workspaceId} entityId={entity.id} entityName={entity.name} onClose={() => setAddingAlias(false)} />
        </div>
      )}
    </li>
  );
}
