import en from "@/messages/en.json";
import { createTranslator } from "use-intl/core";
import type { DetailConflict, UncertainDetail } from "./details";
import type { StanceSummary, Verdict, VerdictKind } from "./verdict";

/** The verdict's phrases, by key of the "verdict" catalogue namespace; the UI passes its own locale's. */
export type VerdictKey = keyof (typeof en)["verdict"];
export type VerdictSay = (key: VerdictKey, values?: Record<string, string | number>) => string;

// English, from the same catalogue the interface reads: stored sentences, exports and the API.
let english: VerdictSay | undefined;
export const englishVerdict: VerdictSay = (key, values) => {
  english ??= createTranslator({ locale: "en", messages: en, namespace: "verdict" }) as unknown as VerdictSay;
  return english(key, values);
};

/** Up to three names, then "and N more", so long lists stay readable in one line. */
export function listNames(names: string[], separator = ", ", say: VerdictSay = englishVerdict): string {
  const head = names.slice(0, 3).join(separator);
  return names.length > 3 ? say("andMore", { names: head, count: names.length - 3 }) : head;
}

function joinAnd(parts: string[], say: VerdictSay): string {
  return parts.length <= 1 ? parts.join("") : say("lastAnd", { names: parts.slice(0, -1).join(", "), last: parts[parts.length - 1]! });
}

// The path shows how a cited name reaches its origin ("Dmitry Peskov, for Russia").
// Paths hold commas ("Dmitry Peskov, for Russia"), so origins are separated by semicolons.
const labels = (s: StanceSummary, say: VerdictSay) =>
  listNames(
    s.origins.map((o) => o.path),
    s.origins.some((o) => o.path.includes(",")) ? "; " : ", ",
    say,
  );

function fieldName(c: { field: string; item?: string }, say: VerdictSay): string {
  if (c.field === "quantity") return c.item ? say("fieldNumberOf", { item: c.item }) : say("fieldNumber");
  return c.field === "date" ? say("fieldDate") : c.field === "actors" ? say("fieldActors") : c.field;
}

function conflictText(c: DetailConflict, say: VerdictSay): string {
  const values = c.values.map((x) => say("valuePer", { value: x.value, origins: listNames(x.origins, ", ", say) })).join("; ");
  return say("conflictField", { field: fieldName(c, say), values });
}

type Body = Omit<Verdict, "kind" | "sentence">;

/** Why a detail could not be compared, in words; the values are quoted as the sources wrote them. */
export function uncertainReason(field: string, cause: NonNullable<UncertainDetail["cause"]>, values: string[], say: VerdictSay = englishVerdict): string {
  if (cause === "unnamed_items") return say("uncertainUnnamedItems", { values: values.join("; ") });
  return say(field === "date" ? "uncertainDate" : "uncertainCount", { values: values.map((x) => `“${x}”`).join(", ") });
}

// A verdict stored before `cause` existed says its reason in English only.
const uncertainText = (u: UncertainDetail, say: VerdictSay) =>
  u.cause === "unnamed_items"
    ? uncertainReason(
        u.field,
        u.cause,
        u.values.map((x) => x.value),
        say,
      )
    : u.cause
      ? uncertainReason(u.field, u.cause, u.unreadable ?? [], say)
      : u.reason;

/** What follows the verdict: one article, unattributed mentions, details to check, mentions left out. */
function tail(v: Body, approvedOnly: boolean, say: VerdictSay): string[] {
  const parts: string[] = [];
  if (v.singleArticle && v.supports.origins.length >= 2) {
    parts.push(v.singleArticle.title ? say("oneArticleTitled", { title: v.singleArticle.title }) : say("oneArticle"));
  }
  const unattributed = v.supports.unattributed + v.refutes.unattributed + v.neutral.unattributed;
  if (unattributed) parts.push(say("unattributed", { count: unattributed }));
  if (v.uncertainDetails.length) parts.push(say("checkByHand", { reasons: v.uncertainDetails.map((x) => uncertainText(x, say)).join("; ") }));
  if (v.uncounted > 0) parts.push(say(approvedOnly ? "uncountedApproved" : "uncounted", { count: v.uncounted }));
  return parts;
}

function headline(kind: VerdictKind, v: Body, approvedOnly: boolean, say: VerdictSay): string {
  const s = v.supports.origins.length;
  const r = v.refutes.origins.length;
  switch (kind) {
    case "no_mentions":
      if (v.uncounted > 0) return say(approvedOnly ? "nothingCountsApproved" : "nothingCounts", { count: v.uncounted });
      return say("noMentions");
    case "conflict":
      return say("conflict", { supports: s, supportNames: labels(v.supports, say), refutes: r, refuteNames: labels(v.refutes, say) });
    case "unverified":
      // Unattributed support is still no support; saying "named" keeps the sentence true when it exists.
      if (r > 0) return say("unverifiedRefuted", { named: v.supports.mentions > 0 ? "yes" : "no", refutes: r, refuteNames: labels(v.refutes, say) });
      if (v.supports.mentions > 0) return say("unverifiedUnnamed");
      if (v.refutes.mentions > 0) return say("unverifiedNoNamedRefute");
      return say("unverifiedNeutral", { count: v.neutral.mentions });
    case "detail_conflict":
      return say("detailConflict", {
        conflicts: joinAnd(
          v.detailConflicts.map((c) => conflictText(c, say)),
          say,
        ),
      });
    case "agree":
      return v.supports.outlets > 0
        ? say("agreeAcross", { supports: s, supportNames: labels(v.supports, say), outlets: v.supports.outlets })
        : say("agree", { supports: s, supportNames: labels(v.supports, say) });
    case "single_origin": {
      const only = v.supports.origins[0];
      // computeVerdict says single_origin only when exactly one origin supports the proposition.
      if (!only) throw new Error("a single_origin verdict needs its supporting origin");
      if (v.supports.outlets <= 1) return say("singleOriginOnly", { name: only.path });
      return only.via === "speaker"
        ? say("singleOriginQuote", { outlets: v.supports.outlets, name: only.path })
        : say("singleOriginRelay", { outlets: v.supports.outlets, name: only.label });
    }
  }
}

/**
 * The verdict in words, with the evidence behind it; `approvedOnly`: unapproved claims are among
 * those not counted. English unless `say` gives another locale's phrases.
 */
export function explain(kind: VerdictKind, v: Body, approvedOnly = false, say: VerdictSay = englishVerdict): string {
  // "Nothing counts yet" already says why; the other headlines are followed by what was left out.
  const rest = kind === "no_mentions" ? [] : tail(v, approvedOnly, say);
  return [headline(kind, v, approvedOnly, say), ...rest].join(" ");
}
