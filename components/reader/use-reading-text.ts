import { useTranslations } from "next-intl";
import { useUiLocale } from "@/components/i18n/use-ui-locale";
import { foldForMatch } from "@/lib/domain/claim-types";
import { describeClaimDate } from "@/lib/domain/details/dates";
import { type ParseProblem, problemText } from "@/lib/domain/details/problems";
import { describeQuantity } from "@/lib/domain/details/quantities";
import type { Locale } from "@/lib/i18n/locales";
import { sayProblem, type translatorFor } from "@/lib/i18n/translate";
import { type DateReading, describeStoredDate, joinNames, type QuantityReading } from "./claim-readings";

type Translate = ReturnType<typeof translatorFor>;

/** The words, in the interface language, for the parsers' readings of a claim's date and counts, stored dates and lists of names. */
export function useReadingText() {
  return readingWords(useTranslations(), useUiLocale());
}

/** `useReadingText` outside React: `t` translates from the catalogue's root. */
export function readingWords(t: Translate, locale: Locale) {
  const problem = (p: ParseProblem): string => sayProblem(t, p);
  return {
    problem,
    date(r: DateReading): string {
      if (!r.ok) return t("reader.form.reading.cannotRead", { reason: problem(r.problem) });
      const date = describeClaimDate(r.date, locale);
      if (r.note === "yearFromArticle") return t("reader.form.reading.dateYearFromArticle", { date, year: String(r.date.year) });
      if (r.note === "yearFromArticleIfAny") return t("reader.form.reading.dateYearIfArticleHasOne", { date });
      if (r.note === "noYear") return t("reader.form.reading.dateNoYear", { date });
      return t("reader.form.reading.date", { date });
    },
    quantity(r: QuantityReading): string {
      if (!r.ok) return t("reader.form.reading.cannotRead", { reason: problem(r.problem) });
      const count = describeQuantity(r.quantity, locale);
      const reading = r.approximate ? t("reader.form.reading.countApproximate", { count }) : t("reader.form.reading.count", { count });
      return r.item ? t("reader.form.reading.withItem", { reading, item: r.item }) : reading;
    },
    /** A date as written, followed by its stored reading when that reads differently: "13/9 (reads as 13 Sep)". */
    writtenDate(written: string | undefined, dateValue: string | undefined): string {
      if (!written) return "";
      const reading = describeStoredDate(dateValue, locale);
      return reading && foldForMatch(reading) !== foldForMatch(written) ? t("reader.details.dateReads", { date: written, reading }) : written;
    },
    names: (names: string[]) => joinNames(names, locale),
    /**
     * A field's error as shown: the server refuses an unreadable date or count with the parser's
     * English `reason`; when that is the problem the form reads in the same text, it is said in
     * the interface language. Any other message is shown as it came.
     */
    fieldError(message: string | undefined, reading: DateReading | QuantityReading | null): string | undefined {
      return message && reading && !reading.ok && problemText(reading.problem) === message ? problem(reading.problem) : message;
    },
  };
}
