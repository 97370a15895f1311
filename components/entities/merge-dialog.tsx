"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { mergeEntitiesAction } from "@/lib/actions/entities";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { EntityListItem } from "@/lib/server/entities";
import { EntityPicker, type PickedEntity } from "./entity-picker";
import { plural } from "./labels";
import { DialogPanel } from "@/components/ui/dialog";

/** Pick another entity and merge this one into it, after saying exactly what moves. */
export function MergeDialog({ workspaceId, entity }: { workspaceId: string; entity: EntityListItem }) {
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
    if (!target) return setError("Choose the entity to merge into");
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
          Merge…
        </Button>
      </Dialog.Trigger>
      <DialogPanel
        title={`Merge “${entity.name}” into another entity`}
        description="Use this when two entries name the same person, country or thing."
        width="36rem"
      >
        <div className="mt-4 space-y-4">
          <Field label="Merge into" error={error && !target ? error : undefined}>
            <EntityPicker workspaceId={workspaceId} value={target} onChange={setTarget} excludeId={entity.id} placeholder="Search the entity to keep…" />
          </Field>
          {target && (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="merge-summary">
              <p className="font-medium">
                “{entity.name}” will be deleted and everything it holds moves to “{target.name}”:
              </p>
              <ul className="mt-1 list-disc pl-5">
                <li>
                  its {plural(entity.aliases.length, "alias", "aliases")} ({entity.aliases.map((a) => a.alias).join(", ")}) become aliases of “{target.name}”;
                  ones it already has are not repeated;
                </li>
                <li>
                  {plural(entity.counts.speakerUses, "claim")} spoken by “{entity.name}” will name “{target.name}” as the speaker;
                </li>
                <li>
                  {plural(entity.counts.sources, "linked source")} will link to “{target.name}”.
                </li>
              </ul>
              <p className="mt-1">“{target.name}” keeps its own name and kind. This cannot be undone from here.</p>
            </div>
          )}
          {error && target && <Alert>{error}</Alert>}
        </div>
        <div className="mt-5 flex justify-end gap-2">
          <Dialog.Close asChild>
            <Button variant="ghost">Cancel</Button>
          </Dialog.Close>
          <Button variant="danger" onClick={() => void merge()} disabled={!target || pending}>
            {pending ? "Merging…" : target ? `Merge into “${target.name}”` : "Merge"}
          </Button>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
