import { describe, expect, it } from "vitest";
import { newPasswordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from "@/lib/validation/passwords";

const errorOf = (p: string) => newPasswordSchema.safeParse(p).error?.issues[0]?.message ?? null;

describe("the new-password rule", () => {
  it.each([
    ["11 characters", `${"a".repeat(5)} bcdef`, /at least 12/],
    ["12 spaces-inflated characters", "ab    cd    efgh", /at least 12/],
    ["a NUL", "correct horse\u0000battery", /NUL|not allowed|cannot/i],
    ["129 characters", "x".repeat(PASSWORD_MAX_LENGTH + 1), /at most 128/],
  ])("refuses %s", (_, password, message) => {
    expect(errorOf(password)).toMatch(message);
  });

  it.each([
    ["exactly 12 characters", "abcdefghijkl"],
    ["the seed and e2e passwords", "demo-desk-2026"],
    ["128 characters", "y".repeat(PASSWORD_MAX_LENGTH)],
    ["71 Vietnamese characters (over 100 bytes of UTF-8, past bcrypt's 72)", `${"Đường".repeat(12)}Hà Nội 2026`],
    ["12 emoji (surrogate pairs count once)", "🚀".repeat(12)],
  ])("accepts %s", (_, password) => {
    expect(errorOf(password)).toBeNull();
  });

  it("counts code points and combines runs of spaces", () => {
    expect(PASSWORD_MIN_LENGTH).toBeGreaterThanOrEqual(12);
    expect(passwordLength("🚀🚀")).toBe(2);
    expect(passwordLength("a   b\t\tc")).toBe(5);
  });
});
