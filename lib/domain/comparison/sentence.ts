import type { DetailConflict, UncertainDetail } from "./details";
import type { StanceSummary, Verdict, VerdictKind } from "./verdict";

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function verb(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

/** Up to three names, then "and N more", so long lists stay readable in one line. */
export function listNames(names: string[], separator = ", "): string {
  const head = names.slice(0, 3).join(separator);
  return names.length > 3 ? `${head} and ${names.length - 3} more` : head;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

// The path shows how a cited name reaches its origin ("Dmitry Peskov, for Russia").
// Paths hold commas ("Dmitry Peskov, for Russia"), so origins are separated by semicolons.
const labels = (s: StanceSummary) =>
  listNames(
    s.origins.map((o) => o.path),
    s.origins.some((o) => o.path.includes(",")) ? "; " : ", ",
  );

function fieldName(c: { field: string; item?: string }): string {
  return c.field === "quantity" && c.item ? `the number of ${c.item}` : c.field === "quantity" ? "the number" : c.field;
}

function conflictText(c: DetailConflict): string {
  return `${fieldName(c)} (${c.values.map((x) => `${x.value} per ${listNames(x.origins)}`).join("; ")})`;
}

function uncertainText(u: UncertainDetail[]): string {
  return u.length ? ` Check by hand: ${u.map((x) => x.reason).join("; ")}.` : "";
}

function unattributedText(v: Omit<Verdict, "kind" | "sentence">): string {
  const n = v.supports.unattributed + v.refutes.unattributed + v.neutral.unattributed;
  return n ? ` ${count(n, "unattributed mention")} ${verb(n, "names", "name")} no source and ${verb(n, "is", "are")} not counted.` : "";
}

function oneArticleText(v: Omit<Verdict, "kind" | "sentence">): string {
  if (!v.singleArticle || v.supports.origins.length < 2) return "";
  return ` All of the support comes from one article${v.singleArticle.title ? ` (“${v.singleArticle.title}”)` : ""}.`;
}

/** The verdict in words, with the evidence behind it; `approvedOnly`: unapproved claims are among those not counted. */
export function explain(kind: VerdictKind, v: Omit<Verdict, "kind" | "sentence">, approvedOnly = false): string {
  const s = v.supports.origins.length;
  const r = v.refutes.origins.length;
  const why = approvedOnly ? "not approved, orphaned or waiting for review" : "orphaned or waiting for review";
  const uncounted = v.uncounted > 0 ? ` ${count(v.uncounted, "linked mention")} ${verb(v.uncounted, "is", "are")} not counted (${why}).` : "";
  const tail = `${oneArticleText(v)}${unattributedText(v)}${uncertainText(v.uncertainDetails)}${uncounted}`;
  switch (kind) {
    case "no_mentions":
      if (v.uncounted > 0 && approvedOnly)
        return `Nothing counts yet: ${count(v.uncounted, "linked mention")} ${verb(v.uncounted, "is", "are")} not approved (only approved claims count here), orphaned or waiting for review.`;
      return v.uncounted > 0
        ? `Nothing counts yet: ${count(v.uncounted, "linked mention")} ${verb(v.uncounted, "is", "are")} orphaned or waiting for review after a text correction.`
        : "No mentions: nothing is linked to this proposition yet.";
    case "conflict":
      return `Conflict: ${count(s, "independent origin")} ${verb(s, "supports", "support")} it (${labels(v.supports)}) and ${r} ${verb(r, "refutes", "refute")} it (${labels(v.refutes)}).${tail}`;
    case "unverified": {
      // Unattributed support is still no support; saying "named" keeps the sentence true when it exists.
      const none = v.supports.mentions > 0 ? "no named source" : "no source";
      if (r > 0) return `Unverified: ${none} supports it; ${count(r, "independent origin")} ${verb(r, "refutes", "refute")} it (${labels(v.refutes)}).${tail}`;
      if (v.supports.mentions > 0) return `Unverified: no named source supports it.${tail}`;
      if (v.refutes.mentions > 0) return `Unverified: no source supports it and no named source refutes it.${tail}`;
      return `Unverified: only neutral mentions (${v.neutral.mentions}), no source supports or refutes it.${tail}`;
    }
    case "detail_conflict":
      return `Detail conflict: supporting sources disagree on ${joinAnd(v.detailConflicts.map(conflictText))}.${tail}`;
    case "agree": {
      const across = v.supports.outlets > 0 ? ` across ${count(v.supports.outlets, "outlet")}` : "";
      return `Agree: ${count(s, "independent origin")} support it (${labels(v.supports)})${across}; none refutes it.${tail}`;
    }
    case "single_origin": {
      const only = v.supports.origins[0];
      // computeVerdict says single_origin only when exactly one origin supports the proposition.
      if (!only) throw new Error("a single_origin verdict needs its supporting origin");
      return v.supports.outlets > 1
        ? `Single origin: ${count(v.supports.outlets, "outlet")}, 1 independent origin: ${only.via === "speaker" ? `all quote ${only.path}` : `all relay ${only.label}`}.${tail}`
        : `Single origin: only ${only.path} supports it.${tail}`;
    }
  }
}
