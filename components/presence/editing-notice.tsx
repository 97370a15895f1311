import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { Viewer } from "@/lib/domain/presence";

/** "Lan is editing this claim": someone else has this claim's form open. */
export function EditingNotice({ viewers, annotationId }: { viewers: Viewer[]; annotationId: string }) {
  const editors = viewers.filter((v) => !v.you && v.editingAnnotationId === annotationId).map((v) => v.name);
  const t = useTranslations("presence");
  if (editors.length === 0) return null;
  const last = editors.at(-1) ?? "";
  const names = editors.length === 1 ? last : t("namesAnd", { rest: editors.slice(0, -1).join(", "), last });
  return (
    <Alert tone="warning" className="mb-3">
      <span data-testid="editing-notice">{t("editing", { count: editors.length, names })}</span> {t("bothSave")}
    </Alert>
  );
}
