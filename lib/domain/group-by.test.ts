import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by";

describe("groupBy", () => {
  it("keeps input order inside each group and first-seen order of keys", () => {
    const g = groupBy(["b1", "a1", "b2", "a2", "c1"], (s) => s[0]);
    expect([...g.entries()]).toEqual([
      ["b", ["b1", "b2"]],
      ["a", ["a1", "a2"]],
      ["c", ["c1"]],
    ]);
  });
  it("returns an empty map for no items", () => expect(groupBy([], () => 1).size).toBe(0));
});
