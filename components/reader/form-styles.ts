import { inputClass } from "@/components/ui/field";

/** The shared input style, a little shorter, so the claim form fits the panel beside the text. */
export const compactInputClass = inputClass.replace(/\bpy-2\b/, "py-1.5");
