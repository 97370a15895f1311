import type { useFormatter, useTranslations } from "next-intl";
import { type ClaimRef, type FieldChange, type HistorySummary, type HistoryValue, shorten } from "@/lib/domain/history-diff";
import type { ReanchorWhy } from "@/lib/domain/anchoring";
import { ANNOTATION_STATUSES, type AnnotationStatus, MODALITIES, type Modality, type Stance, STANCES } from "@/lib/domain/vocabulary";

// History entries in the reader's language (catalogue namespace `history`): the domain describes
// each audit event as data (history-diff.ts), these functions word it. Plain functions of the
// translator and formatter, so the panel and the tests share them.

export type HistoryT = ReturnType<typeof useTranslations<"history">>;
export type HistoryFormat = ReturnType<typeof useFormatter>;

const isModality = (v: string): v is Modality => (MODALITIES as readonly string[]).includes(v);
const isStatus = (v: string): v is AnnotationStatus => (ANNOTATION_STATUSES as readonly string[]).includes(v);
const isStance = (v: string): v is Stance => (STANCES as readonly string[]).includes(v);
/** An id the catalogue has no word for (a value written by an older version), in lower-case words. */
const raw = (v: string) => v.toLowerCase().replace(/_/g, " ");

const stanceWord = (t: HistoryT, v: string) => (isStance(v) ? t(`value.stance.${v}`) : raw(v));
const quoted = (t: HistoryT, s: string) => t("value.quote", { text: shorten(s) });
const claimText = (t: HistoryT, c: ClaimRef) => ("quote" in c ? quoted(t, c.quote) : "removed" in c ? t("value.claimRemoved") : t("value.claimUnnamed"));

/** What an event did, in words; `sayWhy` words a re-anchoring's recorded reason in the same language. */
export function summaryText(t: HistoryT, s: HistorySummary, sayWhy?: (why: ReanchorWhy) => string): string {
  switch (s.kind) {
    case "action":
      return t(`event.action.${s.action}`);
    case "reanchor": {
      const how = s.outcome ? t(`event.outcome.${s.outcome}`) : s.other ? raw(s.other) : t("event.outcome.unrecorded");
      const reason = s.why && sayWhy ? sayWhy(s.why) : s.reason;
      return reason ? t("event.reanchorBecause", { how, reason }) : t("event.reanchor", { how });
    }
    case "bulkImport":
      return t("event.bulkImport");
    case "merge":
      return s.statement ? t("event.merge", { statement: shorten(s.statement), moved: s.moved }) : t("event.mergeUnnamed", { moved: s.moved });
    case "other":
      return t("event.other", { words: s.words });
  }
}

/** A changed field's name (a stance names its claim). */
export function fieldText(t: HistoryT, c: FieldChange): string {
  return c.field === "stanceOf" ? t("field.stanceOf", { claim: claimText(t, c.claim ?? { unnamed: true }) }) : t(`field.${c.field}`);
}

/** A field's value: names and text as written, enumerations in words, numbers and days per locale. */
export function valueText(t: HistoryT, format: HistoryFormat, v: HistoryValue): string {
  switch (v.kind) {
    case "text":
      return v.text;
    case "quote":
      return quoted(t, v.text);
    case "names":
      return v.names.join(", ");
    case "range":
      // Offsets in code points, shown as digits (not grouped like amounts).
      return t("value.range", { start: String(v.start), end: String(v.end) });
    case "modality":
      return isModality(v.value) ? t(`value.modality.${v.value}`) : raw(v.value);
    case "status":
      return isStatus(v.value) ? t(`value.status.${v.value}`) : raw(v.value);
    case "stance":
      return stanceWord(t, v.value);
    case "flag":
      return v.value ? t("value.yes") : t("value.no");
    case "day":
      // A calendar day: formatted in UTC so no time zone moves it.
      return format.dateTime(new Date(`${v.date}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
    case "number":
      return format.number(v.value);
    case "scale": {
      const bound = (n: number | null) => (n === null ? t("value.unknown") : format.number(n));
      return t("value.scale", { worst: bound(v.worst), best: bound(v.best) });
    }
    case "pairs":
      return t("value.pairs", { count: v.count });
    case "stances":
      return v.links
        .map((l) => {
          const stance = l.stance ? stanceWord(t, l.stance) : "";
          const statement = l.statement ? quoted(t, l.statement) : "";
          return stance && statement ? t("value.linked", { stance, statement }) : stance || statement;
        })
        .join(", ");
    case "claim":
      if (v.stance === undefined) return claimText(t, v.claim);
      return t("value.claimWithStance", { claim: claimText(t, v.claim), stance: v.stance === null ? t("value.unknown") : stanceWord(t, v.stance) });
    case "deletedClaimType":
      return t("value.deletedClaimType");
    case "formerMember":
      return t("value.formerMember");
  }
}
