"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
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
  const t = useTranslations("reader.passageDialog");
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

  const explanation = t("explanation", { claims });
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <DialogPanel title={t("title", { n })} description={explanation} width="44rem">
        <form className="mt-4 space-y-3" aria-label={t("title", { n })} onSubmit={(e) => void save(e)}>
          <Field label={t("textLabel")} error={fieldError} hint={t("textHint")}>
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
                  {t("reload")}
                </Button>
              )}
            </Alert>
          )}
          <div className="flex justify-end gap-2 pt-1">
            <Dialog.Close asChild>
              <Button variant="ghost">{t("cancel")}</Button>
            </Dialog.Close>
            <Button type="submit" disabled={pending || text === passage.text}>
              {pending ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}

/** "Paragraph 2 corrected: 2 claims kept, 1 moved, 1 orphaned.", in the reader's language. */
export function useDescribeCorrection() {
  const t = useTranslations("reader.correctionSummary");
  return useCallback(
    ({ changed, passage, summary }: Pick<PassageCorrection, "changed" | "passage" | "summary">): string => {
      const n = passage.position + 1;
      if (!changed) return t("unchanged", { n });
      const parts = (
        [
          [summary.kept, "kept"],
          [summary.moved, "moved"],
          [summary.fuzzy, "fuzzy"],
          [summary.needsReview, "needsReview"],
          [summary.orphaned, "orphaned"],
        ] as const
      )
        .filter(([count]) => count > 0)
        .map(([count, key], i) => (i === 0 ? t(`first.${key}`, { count }) : t(`next.${key}`, { count })));
      return parts.length ? t("corrected", { n, parts: parts.join(t("separator")) }) : t("noClaims", { n });
    },
    [t],
  );
}
