import { Alert } from "@/components/ui/alert";
import type { Viewer } from "@/lib/domain/presence";

/** "Lan is editing this claim": someone else has this claim's form open. */
export function EditingNotice({ viewers, annotationId }: { viewers: Viewer[]; annotationId: string }) {
  const editors = viewers.filter((v) => !v.you && v.editingAnnotationId === annotationId).map((v) => v.name);
  if (editors.length === 0) return null;
  const last = editors.at(-1);
  const names = editors.length === 1 ? last : `${editors.slice(0, -1).join(", ")} and ${last}`;
  return (
    <Alert tone="warning" className="mb-3">
      <span data-testid="editing-notice">
        {names} {editors.length === 1 ? "is" : "are"} editing this claim.
      </span>{" "}
      If you both save, the second save is refused and you reload to see the first.
    </Alert>
  );
}
