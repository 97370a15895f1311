"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { mergeEntitiesAction } from "@/lib/actions/entities";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { EntityListItem } from "@/lib/server/entities";
import { EntityPicker, type PickedEntity } from "./entity-picker";
import { DialogPanel } from "@/components/ui/dialog";

/** Pick another entity and merge this one into it, after saying exactly what moves. */
export function MergeDialog({ workspaceId, entity }: { workspaceId: string; entity: EntityListItem }) {
  const t = useTranslations("entities");
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<PickedEntity>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setTarget(null);
      setError(null);
    }
  }

  async function merge() {
    if (!target) return setError(t("chooseTarget"));
    setPending(true);
    setError(null);
    const res = await mergeEntitiesAction(workspaceId, { sourceId: entity.id, targetId: target.id });
    setPending(false);
    if (!res.ok) return setError(res.error.message);
    onOpenChange(false);
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button size="sm" variant="secondary">
          {t("mergeButton")}
        </Button>
      </Dialog.Trigger>
      <DialogPanel title={t("mergeDialogTitle", { name: entity.name })} description={t("mergeDialogText")} width="36rem">
        <div className="mt-4 space-y-4">
          <Field label={t("mergeInto")} error={error && !target ? error : undefined}>
            <EntityPicker workspaceId={workspaceId} value={target} onChange={setTarget} excludeId={entity.id} placeholder={t("mergeSearch")} />
          </Field>
          {target && (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="merge-summary">
              <p className="font-medium">{t("mergeSummary", { from: entity.name, into: target.name })}</p>
              <ul className="mt-1 list-disc pl-5">
                <li>{t("mergeAliases", { count: entity.aliases.length, aliases: entity.aliases.map((a) => a.alias).join(", "), into: target.name })}</li>
                <li>{t("mergeClaims", { count: entity.counts.speakerUses, from: entity.name, into: target.name })}</li>
                <li>{t("mergeSources", { count: entity.counts.sources, into: target.name })}</li>
              </ul>
              <p className="mt-1">{t("mergeKeeps", { into: target.name })}</p>
            </div>
          )}
          {error && target && <Alert>{error}</Alert>}
        </div>
        <div className="mt-5 flex justify-end gap-2">
          <Dialog.Close asChild>
            <Button variant="ghost">{t("cancel")}</Button>
          </Dialog.Close>
          <Button variant="danger" onClick={() => void merge()} disabled={!target || pending}>
            {pending ? t("merging") : target ? t("mergeIntoName", { name: target.name }) : t("merge")}
          </Button>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
