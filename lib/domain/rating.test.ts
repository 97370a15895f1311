import { describe, expect, it } from "vitest";
import { describeRating } from "./rating";

describe("describeRating", () => {
  it.each([
    [{ label: "False", value: 1, best: 5, worst: 1 }, "False (1 on a scale from 1 (worst) to 5 (best))"],
    [{ label: "Misleading", value: null, best: null, worst: null }, "Misleading"],
    [{ label: null, value: 3, best: 5, worst: 1 }, "3 on a scale from 1 (worst) to 5 (best)"],
    [{ label: null, value: null, best: null, worst: null }, ""],
  ])("%j → %s", (r, text) => expect(describeRating(r)).toBe(text));
});

describe("describeRating in the interface language", () => {
  it("says the scale and the label with the catalogue's words (Vietnamese)", async () => {
    const vi = (await import("@/messages/vi.json")).default.propositions.page;
    const fill = (template: string, v: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k]));
    const words = { scale: (v: Record<string, number>) => fill(vi.ratingScale, v), labelled: (v: Record<string, string>) => fill(vi.ratingLabelled, v) };
    expect(describeRating({ label: "Sai", value: 1, best: 5, worst: 1 }, words)).toBe("Sai (1 trên thang từ 1 (tệ nhất) đến 5 (tốt nhất))");
    expect(describeRating({ label: null, value: 3, best: 5, worst: 1 }, words)).toBe("3 trên thang từ 1 (tệ nhất) đến 5 (tốt nhất)");
  });
});
