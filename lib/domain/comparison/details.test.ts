import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDetails, type ActorRef, type DetailInput, type DetailReport, type QuantityItemInput, type SameValues } from "./details";

/** xs[i], failing the test when there is no such element. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, found ${xs.length} elements`);
  return x;
}

/** A supporting mention's details as printed by `attribution`. */
const d = (attribution: string, fields: DetailInput["fields"], over: Partial<DetailInput> = {}): DetailInput => ({
  attribution,
  articleDate: null,
  fields,
  actors: [],
  ...over,
});
const q = (value: string, item?: string, itemKey?: string): QuantityItemInput => ({ value, ...(item ? { item } : {}), ...(itemKey ? { itemKey } : {}) });
const counts = (attribution: string, ...items: QuantityItemInput[]) => d(attribution, { quantities: items });
const actors = (attribution: string, ...list: ActorRef[]) => d(attribution, {}, { actors: list });
const NGA: ActorRef = { key: "entity:ru", label: "Nga" };
const RUSSIA: ActorRef = { key: "entity:ru", label: "Russia" };
const DPRK: ActorRef = { key: "entity:kp", label: "Triều Tiên" };
const NORTH_KOREA: ActorRef = { key: "entity:kp", label: "North Korea" };
const IRAN: ActorRef = { key: "entity:ir", label: "Iran" };

/** Each conflict or uncertainty in one line: field[/item]: value (raw…; per origins…) | … */
function lines(r: DetailReport): { conflicts: string[]; uncertain: string[] } {
  const values = (vs: DetailReport["conflicts"][number]["values"]) =>
    vs.map((v) => `${v.value} (${v.raw.join(", ")}; per ${v.origins.join(", ")})`).join(" | ");
  const head = (x: { field: string; item?: string }) => `${x.field}${x.item ? `/${x.item}` : ""}`;
  return {
    conflicts: r.conflicts.map((c) => `${head(c)}: ${values(c.values)}`),
    uncertain: r.uncertain.map((u) => `${head(u)}: ${values(u.values)}`),
  };
}

const NONE = { conflicts: [], uncertain: [] };

describe("compareDetails: dates by meaning", () => {
  it.each<[string, DetailInput[], { conflicts: string[]; uncertain: string[] }]>([
    ["two spellings of one day", [d("A", { date: "13/9/2023" }), d("B", { date: "2023-09-13" })], NONE],
    ["a month and a day in it", [d("A", { date: "2023-09" }), d("B", { date: "13/9/2023" })], NONE],
    ["a year and a day in it", [d("A", { date: "2023" }), d("B", { date: "13 tháng 9 năm 2023" })], NONE],
    ["a day without a year takes the article's year", [d("A", { date: "13/9" }, { articleDate: "2023-09-14" }), d("B", { date: "2023-09-13" })], NONE],
    [
      "the article's year decides: the same day a year later disagrees",
      [d("A", { date: "13/9" }, { articleDate: "2024-09-14" }), d("B", { date: "2023-09-13" })],
      { conflicts: ["date: 13 Sep 2024 (13/9; per A) | 13 Sep 2023 (2023-09-13; per B)"], uncertain: [] },
    ],
    [
      "12 vs 13 September, with every spelling and who printed it",
      [d("VnExpress", { date: "12/9/2023" }), d("Tuổi Trẻ", { date: "13 September 2023" }), d("Demo Daily", { date: "2023-09-13" })],
      { conflicts: ["date: 12 Sep 2023 (12/9/2023; per VnExpress) | 13 Sep 2023 (13 September 2023, 2023-09-13; per Tuổi Trẻ, Demo Daily)"], uncertain: [] },
    ],
    [
      "a month agreeing with both days does not hide their disagreement",
      [d("A", { date: "2023-09" }), d("B", { date: "12/9/2023" }), d("C", { date: "13/9/2023" })],
      { conflicts: ["date: Sep 2023 (2023-09; per A) | 12 Sep 2023 (12/9/2023; per B) | 13 Sep 2023 (13/9/2023; per C)"], uncertain: [] },
    ],
    [
      "a relative date without the article's date is checked by hand, not a conflict",
      [d("A", { date: "tháng trước" }), d("B", { date: "13/9/2023" })],
      { conflicts: [], uncertain: ["date: tháng trước (tháng trước; per A) | 13 Sep 2023 (13/9/2023; per B)"] },
    ],
    [
      "a relative date is read against the article's date",
      [d("A", { date: "tháng trước" }, { articleDate: "2023-10-05" }), d("B", { date: "13/9/2023" })],
      NONE,
    ],
    ["a single mention has nothing to disagree with", [d("A", { date: "13/9/2023" })], NONE],
    ["a missing date is not a disagreement", [d("A", { date: "13/9/2023" }), d("B", {}), d("C", { date: "  " })], NONE],
  ])("%s", (_name, items, expected) => expect(lines(compareDetails(items))).toEqual(expected));

  it("says why an unreadable date was not compared", () => {
    const [u] = compareDetails([d("A", { date: "tháng trước" }), d("B", { date: "13/9/2023" })]).uncertain;
    expect(u?.reason).toBe("the date “tháng trước” could not be read as a date");
  });
});

describe("compareDetails: counts by meaning", () => {
  it.each<[string, DetailInput[], { conflicts: string[]; uncertain: string[] }]>([
    ["digits, English and Vietnamese words", [counts("A", q("5")), counts("B", q("five")), counts("C", q("năm"))], NONE],
    [
      "5 vs 6 attack drones",
      [counts("A", q("5 attack drones")), counts("B", q("6", "attack drones"))],
      { conflicts: ["quantity/attack drones: 5 (5 attack drones; per A) | 6 (6; per B)"], uncertain: [] },
    ],
    [
      "single counts are compared whatever their item words",
      [counts("A", q("5 UAV tấn công")), counts("B", q("6 attack drones"))],
      { conflicts: ["quantity/UAV tấn công / attack drones: 5 (5 UAV tấn công; per A) | 6 (6 attack drones; per B)"], uncertain: [] },
    ],
    ["single counts in two languages that agree", [counts("A", q("5 UAV tấn công")), counts("B", q("five attack drones"))], NONE],
    ["“hàng chục” (dozens) and 40", [counts("A", q("hàng chục tên lửa")), counts("B", q("40 tên lửa"))], NONE],
    [
      "“hàng chục” (dozens) and 5",
      [counts("A", q("hàng chục tên lửa")), counts("B", q("5 tên lửa"))],
      { conflicts: ["quantity/tên lửa: 20–99 (hàng chục tên lửa; per A) | 5 (5 tên lửa; per B)"], uncertain: [] },
    ],
    [
      "an unreadable count is checked by hand, not a conflict",
      [counts("A", q("nhiều UAV")), counts("B", q("5 UAV"))],
      { conflicts: [], uncertain: ["quantity/UAV: nhiều UAV (nhiều UAV; per A) | 5 (5 UAV; per B)"] },
    ],
    [
      "items compared one by one: only the differing one conflicts",
      [counts("A", q("5 UAV tấn công"), q("1 UAV trinh sát")), counts("B", q("5 uav tan cong"), q("2 UAV trinh sát"))],
      { conflicts: ["quantity/UAV trinh sát: 1 (1 UAV trinh sát; per A) | 2 (2 UAV trinh sát; per B)"], uncertain: [] },
    ],
    ["items matching one by one", [counts("A", q("5 attack drones"), q("1 recon drone")), counts("B", q("five", "Attack Drones"), q("1 recon drone"))], NONE],
    [
      "items matched by their entity when both have one",
      [counts("A", q("5", "UAV tấn công", "entity:drone"), q("1 tank")), counts("B", q("6", "attack drones", "entity:drone"), q("1 tank"))],
      { conflicts: ["quantity/UAV tấn công: 5 (5; per A) | 6 (6; per B)"], uncertain: [] },
    ],
    [
      "items matched by their words when only one has an entity",
      [counts("A", q("5", "drones", "entity:drone"), q("2 tanks")), counts("B", q("6", "Drones"), q("2 tanks"))],
      { conflicts: ["quantity/drones: 5 (5; per A) | 6 (6; per B)"], uncertain: [] },
    ],
    [
      "same words with different entities are different items",
      [counts("A", q("5", "drones", "entity:shahed"), q("2 tanks")), counts("B", q("6", "drones", "entity:lancet"), q("2 tanks"))],
      { conflicts: [], uncertain: ["quantity: 5 drones (5; per A) | 6 drones (6; per B)"] },
    ],
    [
      "items named differently in two mentions are shown, not compared",
      [counts("A", q("5 UAV tấn công"), q("1 UAV trinh sát")), counts("B", q("5 attack drones"), q("1 recon drone"))],
      {
        conflicts: [],
        uncertain: [
          "quantity: 5 UAV tấn công (5 UAV tấn công; per A) | 1 UAV trinh sát (1 UAV trinh sát; per A) | 5 attack drones (5 attack drones; per B) | 1 recon drone (1 recon drone; per B)",
        ],
      },
    ],
    [
      "an item only one mention names, when the other has no unmatched item",
      [counts("A", q("5 attack drones"), q("1 recon drone")), counts("B", q("5 attack drones"))],
      NONE,
    ],
    ["a missing count is not a disagreement", [counts("A", q("5")), d("B", {}), counts("C", q("  "))], NONE],
  ])("%s", (_name, items, expected) => expect(lines(compareDetails(items))).toEqual(expected));

  it.each([
    ["an unreadable count", [counts("A", q("nhiều UAV")), counts("B", q("5 UAV"))], "the count “nhiều UAV” could not be read as a number"],
    [
      "items named differently",
      [counts("A", q("5 UAV tấn công"), q("1 UAV trinh sát")), counts("B", q("5 attack drones"), q("1 recon drone"))],
      "counts of differently named items were not compared (5 UAV tấn công; 1 UAV trinh sát; 5 attack drones; 1 recon drone); name an item the same way, or make one name an alias of the other",
    ],
  ])("says why %s was not compared", (_name, items, reason) => {
    expect(compareDetails(items).uncertain.map((u) => u.reason)).toEqual([reason]);
  });
});

describe("compareDetails: actors as entities", () => {
  it.each<[string, DetailInput[], { conflicts: string[]; uncertain: string[] }]>([
    ["one entity under two names", [actors("A", NGA, DPRK), actors("B", NORTH_KOREA, RUSSIA)], NONE],
    ["naming fewer actors is not a disagreement", [actors("A", NGA, DPRK), actors("B", RUSSIA)], NONE],
    [
      "lists that do not contain one another",
      [actors("A", NGA, DPRK), actors("B", RUSSIA, IRAN)],
      { conflicts: ["actors: Triều Tiên, Nga (Nga, Triều Tiên; per A) | Iran, Russia (Russia, Iran; per B)"], uncertain: [] },
    ],
    [
      "a third list clashing with one of two compatible lists",
      [actors("A", NGA), actors("B", NGA, DPRK), actors("C", NGA, IRAN)],
      { conflicts: ["actors: Nga (Nga; per A) | Triều Tiên, Nga (Nga, Triều Tiên; per B) | Iran, Nga (Nga, Iran; per C)"], uncertain: [] },
    ],
    ["no actors is not a disagreement", [actors("A", NGA), actors("B")], NONE],
  ])("%s", (_name, items, expected) => expect(lines(compareDetails(items))).toEqual(expected));
});

describe("compareDetails: values the desk marked as the same", () => {
  const days = [d("A", { date: "12/9/2023" }), d("B", { date: "13/9/2023" })];
  const three = [counts("A", q("5")), counts("B", q("6")), counts("C", q("7"))];
  const renamed = [counts("A", q("5 UAV tấn công"), q("1 UAV trinh sát")), counts("B", q("5 attack drones"), q("1 recon drone"))];
  const same = (field: SameValues["field"], a: string, b: string): SameValues => ({ field, keys: [a, b] });

  it.each<[string, DetailInput[], SameValues[], { conflicts: string[]; uncertain: string[] }]>([
    ["two days marked the same no longer conflict", days, [same("date", "date:2023-09-12", "date:2023-09-13")], NONE],
    [
      "a mark on another field does not apply",
      days,
      [same("quantity", "date:2023-09-12", "date:2023-09-13")],
      { conflicts: ["date: 12 Sep 2023 (12/9/2023; per A) | 13 Sep 2023 (13/9/2023; per B)"], uncertain: [] },
    ],
    ["a=b and b=c make all three the same", three, [same("quantity", "n:5-5", "n:6-6"), same("quantity", "n:7-7", "n:6-6")], NONE],
    [
      "a=b leaves c in conflict with both",
      three,
      [same("quantity", "n:6-6", "n:5-5")],
      { conflicts: ["quantity: 5 (5, 6; per A, B) | 7 (7; per C)"], uncertain: [] },
    ],
    ["an unreadable value marked as a readable one", [counts("A", q("nhiều")), counts("B", q("5"))], [same("quantity", "text:nhieu", "n:5-5")], NONE],
    [
      "an unreadable value marked as 5 still conflicts with 6, shown as 5",
      [counts("A", q("nhiều")), counts("B", q("5")), counts("C", q("6"))],
      [same("quantity", "text:nhieu", "n:5-5")],
      { conflicts: ["quantity: 5 (nhiều, 5; per A, B) | 6 (6; per C)"], uncertain: [] },
    ],
    [
      "actor lists marked the same",
      [actors("A", NGA, DPRK), actors("B", RUSSIA, IRAN)],
      [same("actors", "actors:entity:ir|entity:ru", "actors:entity:kp|entity:ru")],
      NONE,
    ],
    [
      "renamed items marked the same pair by pair",
      renamed,
      [same("quantity", "text:uav tan cong|n:5-5", "text:attack drones|n:5-5"), same("quantity", "text:uav trinh sat|n:1-1", "text:recon drone|n:1-1")],
      NONE,
    ],
    [
      "renamed items with one pair marked leave the other pair to check",
      renamed,
      [same("quantity", "text:uav tan cong|n:5-5", "text:attack drones|n:5-5")],
      { conflicts: [], uncertain: ["quantity: 1 UAV trinh sát (1 UAV trinh sát; per A) | 1 recon drone (1 recon drone; per B)"] },
    ],
  ])("%s", (_name, items, marks, expected) => expect(lines(compareDetails(items, marks))).toEqual(expected));

  it("offers keys that, marked as the same, settle the values they were offered for", () => {
    // What the "same" buttons send back must be understood: mark every pair offered, and nothing is left.
    for (const items of [days, three, renamed, [counts("A", q("nhiều")), counts("B", q("5"))], [actors("A", NGA, DPRK), actors("B", IRAN)]]) {
      const first = compareDetails(items);
      const offered = [...first.conflicts, ...first.uncertain].flatMap((g) => g.values.slice(1).map((v) => same(g.field, nth(g.values, 0).key, v.key)));
      expect(offered.length).toBeGreaterThan(0);
      expect(compareDetails(items, offered)).toEqual({ conflicts: [], uncertain: [] });
    }
  });
});

describe("compareDetails: properties", () => {
  const DATES = ["13/9/2023", "2023-09-13", "12/9/2023", "2023-09", "tháng trước", "13/9"];
  const COUNTS = ["5", "five", "6", "nhiều", "hàng chục", "40"];
  const ITEMS = [undefined, "UAV", "tanks"];
  const arbItem = fc
    .record({
      attribution: fc.constantFrom("A", "B", "C"),
      articleDate: fc.constantFrom(null, "2023-09-14", "2023-10-02"),
      date: fc.option(fc.constantFrom(...DATES)),
      quantities: fc.array(fc.record({ value: fc.constantFrom(...COUNTS), item: fc.constantFrom(...ITEMS) }), { maxLength: 2 }),
      actors: fc.subarray([NGA, DPRK, IRAN]),
    })
    .map(
      ({ attribution, articleDate, date, quantities, actors: list }): DetailInput => ({
        attribution,
        articleDate,
        fields: { ...(date ? { date } : {}), quantities: quantities.map((x) => q(x.value, x.item)) },
        actors: list,
      }),
    );
  const arbSame = fc.array(
    fc.oneof(
      fc.constant<SameValues>(same("quantity", "text:nhieu", "n:5-5")),
      fc.constant<SameValues>(same("quantity", "n:6-6", "n:5-5")),
      fc.constant<SameValues>(same("date", "date:2023-09-12", "date:2023-09-13")),
      fc.constant<SameValues>(same("date", "text:thang truoc", "date:2023-09")),
    ),
    { maxLength: 3 },
  );
  function same(field: SameValues["field"], a: string, b: string): SameValues {
    return { field, keys: [a, b] };
  }
  // Labels and the value shown for a class follow the order given (so the page is stable); what is
  // disputed, and how many distinct values each dispute has, must not.
  const shape = (r: DetailReport) => ({
    conflicts: r.conflicts.map((c) => `${c.field}: ${c.values.length} values`).sort(),
    uncertain: r.uncertain.map((u) => `${u.field}: ${u.values.length} values`).sort(),
  });

  it("does not depend on the order of mentions or of the desk's marks", () => {
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 5 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        arbSame.chain((ss) => fc.tuple(fc.constant(ss), fc.shuffledSubarray(ss, { minLength: ss.length }))),
        ([xs, ys], [s1, s2]) => {
          expect(shape(compareDetails(ys, s2))).toEqual(shape(compareDetails(xs, s1)));
        },
      ),
    );
  });

  it("gives the desk's marks the same effect whatever the order of the values they join", () => {
    const marks = fc.subarray<SameValues>([
      same("quantity", "text:nhieu", "n:5-5"),
      same("quantity", "n:7-7", "text:nhieu"),
      same("quantity", "n:6-6", "n:7-7"),
    ]);
    const values = fc.array(fc.constantFrom("5", "6", "7", "nhiều"), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        values.chain((vs) => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs, { minLength: vs.length }))),
        marks,
        ([vs, ws], ss) => {
          const report = (xs: string[]) =>
            shape(
              compareDetails(
                xs.map((x, i) => counts(`M${i}`, q(x))),
                ss,
              ),
            );
          expect(report(ws)).toEqual(report(vs));
        },
      ),
    );
  });

  it("never calls mentions that all agree on a value a conflict or an uncertainty", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("A", "B", "C"), { minLength: 1, maxLength: 5 }),
        fc.constantFrom("13/9/2023", "2023-09-13"),
        fc.constantFrom("5", "five", "năm"),
        (who, date, n) => {
          expect(compareDetails(who.map((a) => d(a, { date, quantities: [q(n, "UAV")] }, { actors: [NGA] })))).toEqual({ conflicts: [], uncertain: [] });
        },
      ),
    );
  });
});
