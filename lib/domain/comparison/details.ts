// Structured details of supporting mentions compared by meaning: dates as dates at their common
// precision, counts as numbers (item by item), actors as entities. Values the parsers cannot read
// are never called a conflict or an agreement: they are listed for a person to check.
import { uncertainReason } from "./sentence";
import { foldForMatch } from "../claim-types";
import { compareClaimDates, describeClaimDate, formatClaimDate, parseClaimDate, type ClaimDate } from "../details/dates";
import { describeQuantity, parseQuantity, quantitiesAgree, type Quantity } from "../details/quantities";

export type DetailField = "date" | "quantity" | "actors";
export type ActorRef = { key: string; label: string };
/** A count with its item; `itemKey` is the item's entity ("entity:<id>") when its words are an alias. */
export type QuantityItemInput = { value: string; item?: string; itemKey?: string };
export type DetailInput = {
  /** Who printed the value: the outlet, else the origin's label. */
  attribution: string;
  /** The article's publication date (YYYY-MM-DD): the year of a date written without one. */
  articleDate: string | null;
  fields: { date?: string; quantities?: QuantityItemInput[]; item?: string };
  actors: ActorRef[];
};
/** Two values a person marked as the same, by their keys. */
export type SameValues = { field: DetailField; keys: [string, string] };

/** One distinct value of a field: its key (for "mark as same"), how it was written, who printed it. */
export type DetailValue = { key: string; value: string; raw: string[]; origins: string[] };
export type DetailConflict = { field: DetailField; item?: string; values: DetailValue[] };
/**
 * `cause` and `unreadable` let the interface say `reason` (English, for exports) in its own language;
 * verdicts stored before they existed carry `reason` only.
 */
export type UncertainDetail = {
  field: DetailField;
  item?: string;
  values: DetailValue[];
  reason: string;
  cause?: "unreadable" | "unnamed_items";
  /** The values that could not be read (cause "unreadable"). */
  unreadable?: string[];
};
export type DetailReport = { conflicts: DetailConflict[]; uncertain: UncertainDetail[] };

type Reading<T> = { key: string; display: string; raw: string; parsed: T | null; attribution: string };

/** Union-find over keys a person marked as the same. */
function sameClasses(same: SameValues[], field: DetailField): (key: string) => string {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k);
    if (!p || p === k) return k;
    const root = find(p);
    parent.set(k, root);
    return root;
  };
  for (const s of same) {
    if (s.field !== field) continue;
    const a = find(s.keys[0]);
    const b = find(s.keys[1]);
    // The smaller key (as a string) represents the class, so the result does not depend on the order of marks.
    // biome-ignore lint/complexity/useMathMinMax: keys are strings; Math.min/max would compare them as numbers
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  return find;
}

type Grouped<T> = DetailValue & { parsed: T[] };

// A class shows its first readable spelling, so a value the desk matched to an unreadable one is
// still shown (and compared) as read; every readable member of a class is compared.
function group<T>(readings: Reading<T>[], classOf: (k: string) => string): Grouped<T>[] {
  const byKey = new Map<string, Grouped<T>>();
  for (const r of readings) {
    const cls = classOf(r.key);
    const entry = byKey.get(cls) ?? { key: r.key, value: r.display, raw: [], origins: [], parsed: [] };
    if (r.parsed !== null) {
      if (entry.parsed.length === 0) Object.assign(entry, { key: r.key, value: r.display });
      entry.parsed.push(r.parsed);
    }
    if (!entry.raw.includes(r.raw)) entry.raw.push(r.raw);
    if (!entry.origins.includes(r.attribution)) entry.origins.push(r.attribution);
    byKey.set(cls, entry);
  }
  return [...byKey.values()];
}

const strip = ({ parsed: _p, ...v }: Grouped<unknown>): DetailValue => v;

/**
 * Values conflict when two parsed ones differ (`differ`); values that did not parse are uncertain
 * unless a person marked them the same as another.
 */
function compareField<T>(
  field: DetailField,
  readings: Reading<T>[],
  same: SameValues[],
  differ: (a: T, b: T) => boolean,
  item?: string,
): { conflict: DetailConflict | null; uncertain: UncertainDetail | null } {
  const values = group(readings, sameClasses(same, field));
  if (values.length < 2) return { conflict: null, uncertain: null };
  const clash = values.some((a, i) => values.some((b, j) => i < j && a.parsed.some((x) => b.parsed.some((y) => differ(x, y)))));
  const unread = values.filter((v) => v.parsed.length === 0);
  return {
    conflict: clash ? { field, ...(item ? { item } : {}), values: values.map(strip) } : null,
    uncertain:
      !clash && unread.length > 0
        ? {
            field,
            ...(item ? { item } : {}),
            values: values.map(strip),
            reason: uncertainReason(
              field,
              "unreadable",
              unread.map((v) => v.value),
            ),
            cause: "unreadable" as const,
            unreadable: unread.map((v) => v.value),
          }
        : null,
  };
}

function dateReadings(items: DetailInput[]): Reading<ClaimDate>[] {
  return items.flatMap((m): Reading<ClaimDate>[] => {
    const raw = m.fields.date?.trim();
    if (!raw) return [];
    const r = parseClaimDate(raw, m.articleDate ? { reference: m.articleDate } : undefined);
    return r.ok
      ? [{ key: `date:${formatClaimDate(r.value)}`, display: describeClaimDate(r.value), raw, parsed: r.value, attribution: m.attribution }]
      : [{ key: `text:${foldForMatch(raw)}`, display: raw, raw, parsed: null, attribution: m.attribution }];
  });
}

type CountReading = Reading<Quantity> & { item: string; itemKey: string; entityKey?: string; mention: number };

function countReadings(m: DetailInput, mention: number): CountReading[] {
  return (m.fields.quantities ?? []).flatMap((q): CountReading[] => {
    const raw = q.value?.trim();
    if (!raw) return [];
    const r = parseQuantity(raw);
    const item = (q.item?.trim() || (r.ok ? r.item : "")).replace(/\s+/g, " ");
    const common = { raw, attribution: m.attribution, item, itemKey: `text:${foldForMatch(item)}`, ...(q.itemKey ? { entityKey: q.itemKey } : {}), mention };
    return r.ok
      ? [{ key: quantityKey(r.value), display: describeQuantity(r.value), parsed: r.value, ...common }]
      : [{ key: `text:${foldForMatch(raw)}`, display: raw, parsed: null, ...common }];
  });
}

const quantityKey = (q: Quantity) => `n:${q.minExclusive ? ">" : ""}${q.min}-${q.max}${q.maxExclusive ? "<" : ""}${q.approximate ? "~" : ""}`;

type CountGroup = { item?: string; readings: CountReading[] };

// Counts are compared item by item, matched by the item's entity (its words are an alias) or by
// its words ignoring case and accents. When every mention gives one count, they are compared
// whatever the item words (often one item in two languages: "UAV tấn công", "attack drones").
// Items that only one mention names, while another mention also has unmatched items, may be the
// same thing in other words: they are shown to a person rather than compared or ignored.
function quantityGroups(items: DetailInput[]): { groups: CountGroup[]; unmatched: CountReading[] } {
  const perMention = items.map(countReadings).filter((r) => r.length > 0);
  if (perMention.every((r) => r.length === 1)) {
    const readings = perMention.flat();
    return { groups: [{ item: itemWords(readings), readings }], unmatched: [] };
  }
  // The entity decides when both readings have one; otherwise the words do, so an item without an
  // entity joins the one entity its words are known to name.
  const entitiesOf = new Map<string, Set<string>>();
  for (const r of perMention.flat()) if (r.entityKey) entitiesOf.set(r.itemKey, (entitiesOf.get(r.itemKey) ?? new Set()).add(r.entityKey));
  const byItem = new Map<string, CountGroup>();
  for (const r of perMention.flat()) {
    const known = entitiesOf.get(r.itemKey);
    const soleEntity = known?.size === 1 ? [...known][0] : undefined;
    const key = r.entityKey ?? soleEntity ?? r.itemKey;
    r.itemKey = key;
    const g = byItem.get(key) ?? { item: r.item || undefined, readings: [] };
    g.readings.push(r);
    byItem.set(key, g);
  }
  const groups = [...byItem.values()];
  const alone = groups.filter((g) => new Set(g.readings.map((r) => r.mention)).size === 1).flatMap((g) => g.readings);
  const unmatched = new Set(alone.map((r) => r.mention)).size >= 2 ? alone : [];
  // `alone` is made of whole groups, so a group is either entirely unmatched or not at all.
  return { groups: groups.filter((g) => !g.readings.some((r) => unmatched.includes(r))), unmatched };
}

/** The item words of single counts compared together: one spelling per distinct item, in order. */
function itemWords(readings: CountReading[]): string | undefined {
  const words = new Map<string, string>();
  for (const r of readings) if (r.item && !words.has(r.itemKey)) words.set(r.itemKey, r.item);
  return words.size ? [...words.values()].join(" / ") : undefined;
}

function actorReading(m: DetailInput): Reading<string[]> | null {
  const byKey = new Map(m.actors.map((a) => [a.key, a.label]));
  if (byKey.size === 0) return null;
  const keys = [...byKey.keys()].sort();
  return {
    key: `actors:${keys.join("|")}`,
    display: keys.map((k) => byKey.get(k)!).join(", "),
    raw: m.actors.map((a) => a.label).join(", "),
    parsed: keys,
    attribution: m.attribution,
  };
}

// Naming fewer actors is not a contradiction: lists disagree only when neither contains the other.
const actorsDiffer = (a: string[], b: string[]) => !a.every((x) => b.includes(x)) && !b.every((x) => a.includes(x));

/** Detail conflicts and unreadable values among supporting mentions. */
export function compareDetails(items: DetailInput[], same: SameValues[] = []): DetailReport {
  const conflicts: DetailConflict[] = [];
  const uncertain: UncertainDetail[] = [];
  const add = (r: { conflict: DetailConflict | null; uncertain: UncertainDetail | null }) => {
    if (r.conflict) conflicts.push(r.conflict);
    if (r.uncertain) uncertain.push(r.uncertain);
  };
  add(compareField("date", dateReadings(items), same, (a, b) => compareClaimDates(a, b) === "different"));
  const counts = quantityGroups(items);
  for (const g of counts.groups) add(compareField("quantity", g.readings, same, (a, b) => !quantitiesAgree(a, b), g.item));
  // Unmatched counts the desk marked as the same are settled; the rest still need a person.
  const classOf = sameClasses(same, "quantity");
  const unmatchedKey = (r: CountReading) => classOf(`${r.itemKey}|${r.key}`);
  const classSize = new Map<string, number>();
  for (const r of counts.unmatched) classSize.set(unmatchedKey(r), (classSize.get(unmatchedKey(r)) ?? 0) + 1);
  const unsettled = counts.unmatched.filter((r) => classSize.get(unmatchedKey(r)) === 1);
  if (new Set(unsettled.map((r) => r.mention)).size >= 2) {
    uncertain.push({
      field: "quantity",
      values: unsettled.map((r) => ({ key: `${r.itemKey}|${r.key}`, value: `${r.display} ${r.item}`.trim(), raw: [r.raw], origins: [r.attribution] })),
      reason: uncertainReason(
        "quantity",
        "unnamed_items",
        unsettled.map((r) => `${r.display} ${r.item}`.trim()),
      ),
      cause: "unnamed_items",
    });
  }
  add(
    compareField(
      "actors",
      items.map(actorReading).filter((r): r is Reading<string[]> => r !== null),
      same,
      actorsDiffer,
    ),
  );
  return { conflicts, uncertain };
}
