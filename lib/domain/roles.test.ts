import { describe, expect, it } from "vitest";
import { hasRole, permissions, type Role } from "./roles";

describe("hasRole", () => {
  const table: [Role, Role, boolean][] = [
    ["OWNER", "EDITOR", true],
    ["EDITOR", "EDITOR", true],
    ["REVIEWER", "EDITOR", false],
    ["VIEWER", "EDITOR", false],
    ["VIEWER", "VIEWER", true],
    ["REVIEWER", "REVIEWER", true],
    ["EDITOR", "OWNER", false],
  ];
  it.each(table)("%s meets %s: %s", (role, min, expected) => {
    expect(hasRole(role, min)).toBe(expected);
  });
});

describe("permissions", () => {
  it("lets a viewer read but change nothing", () => {
    expect(permissions("VIEWER")).toEqual({ read: true, annotate: false, importArticles: false, review: false, manageWorkspace: false });
  });
  it("lets an editor annotate and import but not manage the workspace", () => {
    const p = permissions("EDITOR");
    expect([p.annotate, p.importArticles, p.manageWorkspace]).toEqual([true, true, false]);
  });
});
