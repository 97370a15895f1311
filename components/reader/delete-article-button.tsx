"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteArticleAction } from "@/app/w/[slug]/articles/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Delete the article after a confirmation that says what goes with it. */
export function DeleteArticleButton({ workspaceId, slug, articleId, title, claims }: { workspaceId: string; slug: string; articleId: string; title: string; claims: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="sm">Delete…</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-24 z-40 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Delete “{title}”?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600">
            Its paragraphs and {claims} claim{claims === 1 ? "" : "s"} are deleted too, and the claims leave any proposition they support or refute. The audit log keeps a record.
          </Dialog.Description>
          {error && <Alert className="mt-3">{error}</Alert>}
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="ghost">Cancel</Button>
            </Dialog.Close>
            <Button
              variant="danger"
              disabled={pending}
              onClick={async () => {
                setPending(true);
                const res = await deleteArticleAction(workspaceId, articleId);
                setPending(false);
                if (!res.ok) return setError(res.error.message);
                router.push(`/w/${slug}`);
                router.refresh();
              }}
            >
              {pending ? "Deleting…" : "Delete article"}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
