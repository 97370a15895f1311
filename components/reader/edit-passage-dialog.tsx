"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { updatePassageTextAction } from "@/lib/actions/articles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { PassageCorrection } from "@/lib/server/passages";
import { passageTextSchema } from "@/lib/validation/passages";
import { DialogPanel } from "@/components/ui/dialog";

type Props = {
  workspaceId: string;
  passage: { id: string; position: number; text: string };
  claims: number;
  lang?: string;
  onClose: () => void;
  onSaved: (result: PassageCorrection) => void;
  onReload: () => void;
};

/** Correct one paragraph's text; the server re-anchors its claims and reports what happened to them. */
export function EditPassageDialog({ workspaceId, passage, claims, lang, onClose, onSaved, onReload }: Props) {
  const [text, setText] = useState(passage.text);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const n = passage.position + 1;

  async function save(e?: React.FormEvent) {
    e?.preventDefault();
    setError(null);
    const checked = passageTextSchema.safeParse(text);
    if (!checked.success) return setFieldError(checked.error.issues[0]?.message);
    setFieldError(undefined);
    setPending(true);
    const res = await updatePassageTextAction(workspaceId, { passageId: passage.id, text, expectedText: passage.text });
    setPending(false);
    if (res.ok) return onSaved(res.data);
    const fields = res.error.details?.fields as Record<string, string> | undefined;
    if (fields?.text) setFieldError(fields.text);
    else setError({ message: res.error.message, conflict: res.error.code === "conflict" });
  }

  const explanation =
    (claims === 0
      ? "This paragraph has no claims yet. "
      : `This paragraph has ${claims === 1 ? "1 claim" : `${claims} claims`}. When you save, each is found again by its quote and the words around it. `) +
    "A claim whose words changed is placed on the reworded words only when quote and context agree; otherwise it waits for your review (not counted until confirmed), and one whose quote is gone is kept as orphaned, never moved to other words. Saving is recorded in the audit log.";
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <DialogPanel title={`Correct paragraph ${n}`} description={explanation} width="44rem">
        <form className="mt-4 space-y-3" aria-label={`Correct paragraph ${n}`} onSubmit={(e) => void save(e)}>
          <Field label="Paragraph text" error={fieldError} hint="One paragraph, without line breaks. Ctrl+Enter saves.">
            <textarea
              className={`${inputClass} min-h-40 leading-6`}
              rows={8}
              lang={lang}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) return;
                e.preventDefault();
                void save();
              }}
            />
          </Field>
          {error && (
            <Alert className="flex flex-wrap items-center gap-2">
              {error.message}
              {error.conflict && (
                <Button size="sm" variant="secondary" onClick={onReload}>
                  Reload
                </Button>
              )}
            </Alert>
          )}
          <div className="flex justify-end gap-2 pt-1">
            <Dialog.Close asChild>
              <Button variant="ghost">Cancel</Button>
            </Dialog.Close>
            <Button type="submit" disabled={pending || text === passage.text}>
              {pending ? "Saving…" : "Save correction"}
            </Button>
          </div>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}

/** "Paragraph 2 corrected: 2 claims kept, 1 moved, 1 orphaned." */
export function describeCorrection({ changed, passage, summary }: Pick<PassageCorrection, "changed" | "passage" | "summary">): string {
  if (!changed) return `Paragraph ${passage.position + 1} is unchanged: the text you saved is the one already stored.`;
  const parts = (
    [
      [summary.kept, "kept", "kept"],
      [summary.moved, "moved", "moved"],
      [summary.fuzzy, "re-anchored to reworded text", "re-anchored to reworded text"],
      [summary.needsReview, "needs your review", "need your review"],
      [summary.orphaned, "orphaned", "orphaned"],
    ] as const
  )
    .filter(([count]) => count > 0)
    .map(([count, one, many], i) => `${count}${i === 0 ? (count === 1 ? " claim" : " claims") : ""} ${count === 1 ? one : many}`);
  const head = `Paragraph ${passage.position + 1} corrected`;
  return parts.length ? `${head}: ${parts.join(", ")}.` : `${head}; it has no claims.`;
}
