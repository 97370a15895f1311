import { describe, expect, it } from "vitest";
import { capabilitiesOf, cappedRole, CAPABILITIES, CAPABILITY_NAMES, permissions, roleFor } from "./permissions";
import { hasRole, ROLES, type Role } from "./roles";

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

describe("the permission table", () => {
  it.each<[Role, string[]]>([
    ["VIEWER", ["workspace.read"]],
    ["REVIEWER", ["workspace.read", "claims.review", "comments.write"]],
    [
      "EDITOR",
      ["workspace.read", "claims.review", "sessions.manage", "comments.write", "claims.write", "propositions.write", "articles.write", "entities.write"],
    ],
    ["OWNER", [...CAPABILITY_NAMES]],
  ])("%s can %j", (role, caps) => {
    expect([...capabilitiesOf(role)].sort()).toEqual([...caps].sort());
  });

  it("gives every higher role what a lower one has", () => {
    for (const a of ROLES) for (const b of ROLES) if (hasRole(a, b)) for (const c of capabilitiesOf(b)) expect(capabilitiesOf(a).has(c)).toBe(true);
  });

  it("names the lowest role of each capability", () => {
    for (const c of CAPABILITY_NAMES) expect(roleFor(c)).toBe(CAPABILITIES[c]);
  });

  it.each<[Role, Role | undefined, Role]>([
    ["OWNER", "VIEWER", "VIEWER"],
    ["EDITOR", "OWNER", "EDITOR"],
    ["VIEWER", "EDITOR", "VIEWER"],
    ["REVIEWER", undefined, "REVIEWER"],
  ])("a %s member's token made for %s acts as %s", (member, token, effective) => {
    expect(cappedRole(member, token)).toBe(effective);
  });
});
