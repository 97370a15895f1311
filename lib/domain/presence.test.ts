import { describe, expect, it } from "vitest";
import { initials, mergeTabs, presenceOf } from "./presence";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));

describe("initials", () => {
  it.each([
    ["Lan Nguyễn", "LN"],
    ["lan", "L"],
    ["  Đỗ  Thị   Hồng ", "ĐH"],
    ["Ánh", "Á"],
    // NFD input: the accent stays on its letter.
    ["A\u0301nh Le", "ÁL"],
    ["😀 Smile", "😀S"],
    ["", "?"],
  ])("%j → %j", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe("mergeTabs", () => {
  it("shows each person once, by name, editing what their latest editing tab has open", () => {
    const viewers = mergeTabs(
      [
        { userId: "u2", name: "Minh", editingAnnotationId: null, seenAt: at(9) },
        { userId: "u2", name: "Minh", editingAnnotationId: "c1", seenAt: at(5) },
        { userId: "u2", name: "Minh", editingAnnotationId: "c0", seenAt: at(1) },
        { userId: "u1", name: "Lan", editingAnnotationId: null, seenAt: at(3) },
      ],
      "u1",
    );
    expect(viewers).toEqual([
      { userId: "u1", name: "Lan", initials: "L", editingAnnotationId: null, you: true },
      { userId: "u2", name: "Minh", initials: "M", editingAnnotationId: "c1", you: false },
    ]);
  });
});

describe("presenceOf", () => {
  it.each([
    [[], { present: false, editing: null }],
    [[{ editingAnnotationId: null, seenAt: at(1) }], { present: true, editing: null }],
    [
      [
        { editingAnnotationId: "old", seenAt: at(1) },
        { editingAnnotationId: "new", seenAt: at(2) },
        { editingAnnotationId: null, seenAt: at(3) },
      ],
      { present: true, editing: "new" },
    ],
  ])("%j → %j", (tabs, expected) => {
    expect(presenceOf(tabs)).toEqual(expected);
  });
});
