import type { ModalityValue } from "@/lib/validation/schemas";

/** Words in the text that usually signal each modality (Vietnamese, English). */
export const MODALITY_HINTS: Record<ModalityValue, string> = {
  ASSERTED: "khẳng định, says",
  REPORTED: "theo, according to",
  ALLEGED: "cáo buộc, alleges",
  DENIED: "bác bỏ, phủ nhận, denies",
  SPECULATIVE: "có thể, may, might",
  FORECAST: "sẽ, will, expected to",
  UNCONFIRMED: "chưa xác nhận, not confirmed",
};
