import { describe, expect, it } from "vitest";
import { assignmentKey, dueOf, fieldOfKey, matchesQuery, percentDone } from "./session-view";

describe("percentDone", () => {
  it.each([
    [0, 0, 0],
    [0, 4, 0],
    [1, 3, 33],
    [2, 3, 67],
    [4, 4, 100],
    [5, 4, 100],
  ])("%i of %i is %i%%", (done, total, want) => expect(percentDone(done, total)).toBe(want));
});

describe("dueOf", () => {
  const now = new Date("2026-12-10T15:00:00Z");
  it.each([
    [null, false, null],
    ["2026-12-09", false, { date: "2026-12-09", overdue: true }],
    ["2026-12-10", false, { date: "2026-12-10", overdue: false }],
    ["2026-12-31", false, { date: "2026-12-31", overdue: false }],
    ["2026-12-09", true, { date: "2026-12-09", overdue: false }],
  ])("due %s (closed: %s)", (due, closed, want) => expect(dueOf(due ? new Date(`${due}T00:00:00Z`) : null, now, closed)).toEqual(want));
});

describe("matchesQuery", () => {
  it.each([
    ["Hà Nội talks resume", "", true],
    ["Hà Nội talks resume", "ha noi", true],
    ["Hà Nội talks resume", "TALKS", true],
    ["Hà Nội talks resume", "resume hanoi", false],
    ["Hà Nội talks resume", "resume  ha", true],
    ["Seoul", "tokyo", false],
  ])("%s ~ %j is %s", (text, q, want) => expect(matchesQuery(text, q)).toBe(want));
});

describe("fieldOfKey", () => {
  it.each([
    ["name", { field: "name", index: null }],
    ["annotatorIds.2", { field: "annotatorIds", index: 2 }],
    ["articleIds.x", { field: "articleIds", index: null }],
  ])("%s", (key, want) => expect(fieldOfKey(key)).toEqual(want));
});

it("keys an assignment by article and annotator", () => {
  expect(assignmentKey("a", "u")).toBe("a:u");
  expect(assignmentKey("a", "u")).not.toBe(assignmentKey("u", "a"));
});
