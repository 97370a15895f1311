import type { ExportFields } from "./records";

/**
 * The claim's counts in words, each value followed by what it counts ("hơn 1.000 container",
 * "5"), as the editor wrote them: one spelling for the CSV, the W3C bodies and the report.
 */
export function quantityTexts(fields: ExportFields): string[] {
  return (fields.quantities ?? []).map((q) => (q.item ? `${q.value} ${q.item}` : q.value));
}
