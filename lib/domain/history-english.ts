import {
  type ClaimRef,
  type HistoryDiff,
  type HistoryField,
  type HistorySummary,
  type HistoryValue,
  type KnownAction,
  type ReanchorOutcome,
  shorten,
} from "./history-diff";

// The English the API documents (…/history: `summary`, `changes`), as entries read before the
// interface worded them per language; messages/en.json `history.*` says the same words.
const EN_ACTIONS: Record<KnownAction, string> = {
  "annotation.create": "Marked the claim",
  "annotation.update": "Edited the claim",
  "annotation.delete": "Deleted the claim",
  "annotation.restore": "Restored the claim",
  "annotation.confirm_anchor": "Confirmed the claim's position after a text correction",
  "annotation.remark": "Re-marked the claim on new words",
  "annotation.review": "Reviewed the claim",
  "annotation.submit": "Submitted the claim for review",
  "annotation.review_reopened": "Sent the claim back for review: its details changed after approval",
  "annotation.approve": "Approved the claim",
  "annotation.reject": "Rejected the claim",
  "proposition.create": "Created the proposition",
  "proposition.update": "Edited the proposition",
  "proposition.delete": "Deleted the proposition",
  "proposition.same_values": "Marked two detail values as the same",
  "proposition.different_values": "Marked two detail values as different again",
  "mention.link": "Linked a claim",
  "mention.restance": "Changed a claim's stance",
  "mention.unlink": "Unlinked a claim",
  "mention.move": "Moved a claim here from another proposition",
};
const EN_OUTCOMES: Record<ReanchorOutcome, string> = {
  exact: "kept",
  moved: "moved",
  fuzzy: "kept despite a small change to its words",
  needs_review: "needs review",
  orphaned: "orphaned: its words are gone",
};
const EN_FIELDS: Record<Exclude<HistoryField, "stanceOf">, string> = {
  type: "Type",
  quote: "Quote",
  position: "Position",
  speakers: "Speakers",
  modality: "Modality",
  actors: "Actors",
  date: "Date",
  counts: "Counts",
  item: "Item",
  note: "Note",
  status: "Status",
  reviewReason: "Review reason",
  reviewedBy: "Reviewed by",
  orphaned: "Orphaned",
  needsReview: "Needs review",
  propositions: "Propositions",
  statement: "Statement",
  rating: "Rating",
  ratingValue: "Rating value",
  ratingScale: "Rating scale",
  factCheckUrl: "Fact-check URL",
  factCheckDate: "Fact-check date",
  reviewer: "Reviewer",
  sameValues: "Same values",
  firstClaim: "First claim",
  claim: "Claim",
};

const words = (id: string) => id.toLowerCase().replace(/_/g, " ");
const enQuote = (s: string) => `“${shorten(s)}”`;
const enClaim = (c: ClaimRef) => ("quote" in c ? enQuote(c.quote) : "removed" in c ? "a claim since removed" : "a claim");

function enValue(v: HistoryValue): string {
  switch (v.kind) {
    case "text":
      return v.text;
    case "quote":
      return enQuote(v.text);
    case "names":
      return v.names.join(", ");
    case "range":
      return `${v.start}–${v.end}`;
    case "modality":
    case "status":
    case "stance":
      return words(v.value);
    case "flag":
      return v.value ? "yes" : "no";
    case "day":
      return v.date;
    case "number":
      return String(v.value);
    case "scale":
      return `${v.worst ?? "?"}–${v.best ?? "?"}`;
    case "pairs":
      return v.count ? `${v.count} pair${v.count === 1 ? "" : "s"}` : "none";
    case "stances":
      return v.links.map((l) => [l.stance && words(l.stance), l.statement && enQuote(l.statement)].filter(Boolean).join(" ")).join(", ");
    case "claim":
      return v.stance === undefined ? enClaim(v.claim) : `${enClaim(v.claim)} (${v.stance === null ? "?" : words(v.stance)})`;
    case "deletedClaimType":
      return "a deleted claim type";
    case "formerMember":
      return "a former member";
  }
}

function enSummary(s: HistorySummary): string {
  switch (s.kind) {
    case "action":
      return EN_ACTIONS[s.action];
    case "reanchor": {
      const how = s.outcome ? EN_OUTCOMES[s.outcome] : s.other ? words(s.other) : "re-anchored";
      return `A text correction re-anchored the claim (${how}${s.reason ? `: ${s.reason}` : ""})`;
    }
    case "bulkImport":
      return "Imported claims from a file";
    case "merge":
      return `Merged ${s.statement ? enQuote(s.statement) : "another proposition"} into this one (${s.moved} claim${s.moved === 1 ? "" : "s"} moved)`;
    case "other":
      return s.words;
  }
}

/** One field change in English words, as the API documents it. */
export type EnglishChange = { field: string; before: string | null; after: string | null };

/** A described event in English: the `summary` and `changes` of the history API. */
export function historyInEnglish(d: HistoryDiff): { summary: string; changes: EnglishChange[] } {
  return {
    summary: enSummary(d.summary),
    changes: d.changes.map((c) => ({
      field: c.field === "stanceOf" ? `Stance of ${enClaim(c.claim ?? { unnamed: true })}` : EN_FIELDS[c.field],
      before: c.before && enValue(c.before),
      after: c.after && enValue(c.after),
    })),
  };
}

/** A page of history entries with their summary and changes in English: the history API's answer. */
export function historyPageInEnglish<E extends HistoryDiff, P extends object>(
  page: P & { items: E[] },
): Omit<P, "items"> & { items: (Omit<E, keyof HistoryDiff> & ReturnType<typeof historyInEnglish>)[] } {
  const { items, ...rest } = page;
  return { ...rest, items: items.map((e) => ({ ...e, ...historyInEnglish(e) })) };
}
