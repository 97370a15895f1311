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
