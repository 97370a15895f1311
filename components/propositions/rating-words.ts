import type { RatingWords } from "@/lib/domain/rating";

/** A translator of the `propositions` namespace, as next-intl's server and client hooks give one. */
type PropositionsT = (key: "page.ratingScale" | "page.ratingLabelled", values: Record<string, string | number>) => string;

/** The desk rating's words in the interface language (describeRating in lib/domain/rating.ts). */
export function ratingWords(t: PropositionsT): RatingWords {
  return { scale: (v) => t("page.ratingScale", v), labelled: (v) => t("page.ratingLabelled", v) };
}
