import { describe, expect, it } from "vitest";
import { shortenSimilarTail, wholeWords } from "./whole-words";

describe("similar-spelling display", () => {
  it("widens a mark to the whole word, across diacritics", () => {
    const s = wholeWords({
      matched: true,
      parts: [
        { text: "nhà máy ở Kom", match: false },
        { text: "som", match: true },
        { text: "olsk trên sông", match: false },
      ],
    });
    expect(s.parts).toEqual([
      { text: "nhà máy ở ", match: false },
      { text: "Komsomolsk", match: true },
      { text: " trên sông", match: false },
    ]);
    const v = wholeWords({
      matched: true,
      parts: [
        { text: "Bình Nh", match: false },
        { text: "ư", match: true },
        { text: "ỡng.", match: false },
      ],
    });
    expect(v.parts.filter((p) => p.match).map((p) => p.text)).toEqual(["Nhưỡng"]);
  });

  it("keeps contained hits and only a short tail of similar ones", () => {
    const items = [false, true, false, true, true, true, true].map((similar, i) => ({ i, similar }));
    expect(shortenSimilarTail(items).map((x) => x.i)).toEqual([0, 1, 2, 3, 4]);
  });
});
