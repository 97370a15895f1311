// Pure helpers of the curation view: text order, nesting, filters and how claims read side by side.

import { quantitiesText } from "@/components/reader/claim-readings";
import { codePointLength, sliceCodePoints } from "@/lib/domain/text";

export type CurationFilter = "all" | "undecided" | "disagreements";
/** The filters in the order they show; their labels are in the catalogue (sessions.curation.filters). */
export const CURATION_FILTERS: readonly CurationFilter[] = ["all", "undecided", "disagreements"];

type UnitLike = { key: string; passageId: string; start: number; end: number; within: string | null; decision: unknown; differences: { agreed: boolean } };

/** Units in reading order (paragraph position, then start; a container before the units inside it), each with its nesting depth. */
export function textOrder<U extends UnitLike>(units: readonly U[], passagePositions: ReadonlyMap<string, number>): (U & { depth: number })[] {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const depthOf = (u: U): number => {
    let depth = 0;
    const seen = new Set<string>([u.key]);
    for (let at = u.within; at && !seen.has(at); at = byKey.get(at)?.within ?? null) {
      seen.add(at);
      depth++;
    }
    return depth;
  };
  const position = (u: U) => passagePositions.get(u.passageId) ?? Number.MAX_SAFE_INTEGER;
  return [...units]
    .sort((a, b) => position(a) - position(b) || a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((u) => ({ ...u, depth: depthOf(u) }));
}

/** Whether a unit shows under a filter: undecided ones, or those whose claims differ in any respect (or someone has none). */
export function shownBy(filter: CurationFilter, u: Pick<UnitLike, "decision" | "differences">): boolean {
  if (filter === "undecided") return !u.decision;
  if (filter === "disagreements") return !u.differences.agreed;
  return true;
}

/** The first undecided unit after `fromKey` in list order, wrapping round; never `fromKey` itself. Null when none is left. */
export function nextUndecided(units: readonly Pick<UnitLike, "key" | "decision">[], fromKey: string, skip: ReadonlySet<string> = new Set()): string | null {
  const at = units.findIndex((u) => u.key === fromKey);
  for (let step = 1; step <= units.length; step++) {
    const u = units[(at + step + units.length) % units.length]!;
    if (u.key !== fromKey && !u.decision && !skip.has(u.key)) return u.key;
  }
  return null;
}

type ClaimLike = {
  fields: unknown;
  actors: string[];
  actorEntities: { id: string; name: string }[];
};

export type DetailRow = "Date" | "Counts" | "Item" | "Actors";
export const DETAIL_ROWS: DetailRow[] = ["Date", "Counts", "Item", "Actors"];

/** A claim's details, one per row ("" when empty): the date as written, with its stored reading ("2023-09-13") apart. */
export type DetailValues = Record<DetailRow, string> & { dateValue: string | null };

/** A claim's details as the values its column shows (the component words the date's reading). */
export function detailValues(c: ClaimLike): DetailValues {
  const f = (c.fields ?? {}) as { date?: string; dateValue?: string; item?: string };
  return {
    Date: f.date ?? "",
    dateValue: f.date && f.dateValue ? f.dateValue : null,
    Counts: quantitiesText(c.fields) ?? "",
    Item: f.item?.trim() ?? "",
    Actors: [...c.actorEntities.map((e) => e.name), ...c.actors.map((a) => a.trim())].join(", "),
  };
}

/** The detail rows whose words differ between the claims of a unit. */
export function differingDetails(claims: readonly ClaimLike[]): Set<DetailRow> {
  const values = claims.map(detailValues);
  const shown = (v: DetailValues, row: DetailRow) => (row === "Date" ? `${v.Date}\n${v.dateValue ?? ""}` : v[row]);
  return new Set(DETAIL_ROWS.filter((row) => new Set(values.map((v) => shown(v, row))).size > 1));
}

/** Code points of context shown on each side of a unit's span. */
export const EXCERPT_CONTEXT = 90;

/** `sliceCodePoints` clamped to the text: a claim left behind by a text correction may point past its end. */
export function sliceClamped(text: string, start: number, end: number): string {
  const n = codePointLength(text);
  const from = Math.min(Math.max(start, 0), n);
  return sliceCodePoints(text, from, Math.min(Math.max(end, from), n));
}
