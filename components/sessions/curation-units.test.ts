import { describe, expect, it } from "vitest";
import { differingDetails, nextUndecided, shownBy, sliceClamped, textOrder } from "./curation-units";

const unit = (key: string, passageId: string, start: number, end: number, within: string | null = null, decided = false, agreed = false) => ({
  key,
  passageId,
  start,
  end,
  within,
  decision: decided ? { id: `d-${key}` } : null,
  differences: { agreed },
});

describe("textOrder", () => {
  it("orders by paragraph position, not id, and puts a container before what it holds", () => {
    const positions = new Map([
      ["p-b", 0],
      ["p-a", 1],
    ]);
    const units = [unit("late", "p-a", 0, 5), unit("inner", "p-b", 4, 8, "outer"), unit("outer", "p-b", 2, 20), unit("first", "p-b", 0, 1)];
    expect(textOrder(units, positions).map((u) => [u.key, u.depth])).toEqual([
      ["first", 0],
      ["outer", 0],
      ["inner", 1],
      ["late", 0],
    ]);
  });

  it("counts nesting depth through chains", () => {
    const units = [unit("a", "p", 0, 30), unit("b", "p", 1, 20, "a"), unit("c", "p", 2, 10, "b")];
    expect(textOrder(units, new Map([["p", 0]])).map((u) => u.depth)).toEqual([0, 1, 2]);
  });
});

describe("shownBy", () => {
  it.each([
    ["all", false, false, true],
    ["undecided", true, false, false],
    ["undecided", false, true, true],
    ["disagreements", false, true, false],
    ["disagreements", true, false, true],
  ] as const)("%s: decided=%s agreed=%s → %s", (filter, decided, agreed, shown) => {
    expect(shownBy(filter, unit("u", "p", 0, 1, null, decided, agreed))).toBe(shown);
  });
});

describe("nextUndecided", () => {
  const list = [unit("a", "p", 0, 1), unit("b", "p", 1, 2, null, true), unit("c", "p", 2, 3), unit("d", "p", 3, 4)];

  it("skips decided units and wraps round", () => {
    expect(nextUndecided(list, "a")).toBe("c");
    expect(nextUndecided(list, "d")).toBe("a");
  });

  it("skips units being decided and never returns the unit itself", () => {
    expect(nextUndecided(list, "a", new Set(["c", "d"]))).toBeNull();
  });

  it("starts from the top when the unit is not in the list", () => {
    expect(nextUndecided(list, "gone")).toBe("a");
  });
});

describe("differingDetails", () => {
  const claim = (fields: unknown, actors: string[] = []) => ({ fields, actors, actorEntities: [] });

  it("names only the rows whose words differ", () => {
    const rows = differingDetails([claim({ date: "13/9", quantities: [{ value: "5", item: "drones" }] }), claim({ date: "13/9" }, ["Moscow"])]);
    expect([...rows].sort()).toEqual(["Actors", "Counts"]);
  });

  it("tells dates written alike apart by what they were read as", () => {
    const read = (dateValue: string) => claim({ date: "13/9", dateValue });
    expect([...differingDetails([read("2023-09-13"), read("2024-09-13")])]).toEqual(["Date"]);
    expect(differingDetails([read("2023-09-13"), read("2023-09-13")]).size).toBe(0);
  });

  it("finds nothing in identical details", () => {
    expect(differingDetails([claim({ item: "shells" }), claim({ item: " shells " })]).size).toBe(0);
  });
});

describe("sliceClamped", () => {
  it("slices by code point and clamps offsets past the text", () => {
    expect(sliceClamped("a🇻🇳b", 1, 3)).toBe("🇻🇳");
    expect(sliceClamped("abc", 2, 10)).toBe("c");
    expect(sliceClamped("abc", 5, 9)).toBe("");
  });
});
