import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash";
import { normalizeText, splitPassages } from "./text";

const hashOf = (raw: string) => contentHash(splitPassages(normalizeText(raw)));
const BASE = "Kim Jong Un đến Bình Nhưỡng.\nÔng Putin phát biểu.";

describe("contentHash", () => {
  it("is the sha256 hex of the folded passages joined by newlines", () => {
    expect(contentHash(["a", " b  "])).toBe(
      "7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78", // sha256("a\nb")
    );
  });

  it.each([
    ["CRLF line endings", BASE.replace(/\n/g, "\r\n")],
    ["blank lines between paragraphs", BASE.replace(/\n/g, "\n\n\n")],
    ["NFD input", BASE.normalize("NFD")],
    ["a BOM and trailing spaces", `\uFEFF${BASE.replace(/\n/g, "  \n  ")}  \n`],
    ["internal whitespace runs", BASE.replace(/ /g, " \t ")],
  ])("gives the same hash for %s", (_label, variant) => {
    expect(hashOf(variant)).toBe(hashOf(BASE));
  });

  it.each([
    ["a changed word", BASE.replace("Putin", "Biden")],
    ["merged paragraphs", BASE.replace("\n", " ")],
    ["reordered paragraphs", BASE.split("\n").reverse().join("\n")],
  ])("changes for %s", (_label, variant) => {
    expect(hashOf(variant)).not.toBe(hashOf(BASE));
  });
});
