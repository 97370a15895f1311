import { describe, expect, it } from "vitest";
import { localPath } from "./local-path";

describe("localPath", () => {
  it.each([
    ["/invite/cbi_abc", "/invite/cbi_abc"],
    ["/w/desk?claim=1", "/w/desk?claim=1"],
    ["https://evil.example/", null],
    ["//evil.example/", null],
    ["/\\evil.example/", null],
    ["/\t/evil.example", null],
    ["javascript:alert(1)", null],
    ["", null],
    [undefined, null],
    [["/a"], null],
  ])("%j → %j", (next, expected) => {
    expect(localPath(next)).toBe(expected);
  });
});
