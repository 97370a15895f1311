import { describe, expect, it } from "vitest";
import { cohenKappa, fleissKappa } from "./kappa";

/** Label pairs from a two-rater contingency table: `table[i][j]` items rated labels[i] by A and labels[j] by B. */
function pairsFromTable(labels: string[], table: number[][]): [string, string][] {
  return table.flatMap((row, i) => row.flatMap((count, j) => Array.from({ length: count }, (): [string, string] => [labels[i]!, labels[j]!])));
}

/** Subjects from a Fleiss count table: `table[s][c]` raters put subject s in category c. */
function subjectsFromCounts(table: number[][]): string[][] {
  return table.map((row) => row.flatMap((count, c) => Array.from({ length: count }, () => `c${c + 1}`)));
}

describe("cohenKappa", () => {
  it.each([
    // Wikipedia "Cohen's kappa", worked example: 50 proposals, Po = 0.7, Pe = 0.5.
    [
      "Wikipedia 50-item example",
      pairsFromTable(
        ["yes", "no"],
        [
          [20, 5],
          [10, 15],
        ],
      ),
      0.4,
    ],
    // Cohen (1960: 45), 200 items, 3 categories: Po = .70, Pc = .41, κ = .29/.59 = .492 (as also reproduced by DKPro Statistics).
    [
      "Cohen (1960) 200-item example",
      pairsFromTable(
        ["1", "2", "3"],
        [
          [88, 14, 18],
          [10, 40, 10],
          [2, 6, 12],
        ],
      ),
      0.492,
    ],
    // Krippendorff (2004: 246): same Po = .46 with equal margins (κ = π = .186) and with skewed margins (κ = .258).
    [
      "Krippendorff (2004) equal margins",
      pairsFromTable(
        ["a", "b", "c"],
        [
          [12, 9, 9],
          [9, 14, 9],
          [9, 9, 20],
        ],
      ),
      0.186,
    ],
    [
      "Krippendorff (2004) skewed margins",
      pairsFromTable(
        ["a", "b", "c"],
        [
          [12, 18, 18],
          [0, 14, 18],
          [0, 0, 20],
        ],
      ),
      0.258,
    ],
    [
      "perfect agreement",
      [
        ["a", "a"],
        ["b", "b"],
        ["c", "c"],
      ],
      1,
    ],
    // Po = 0, Pe = 0.5: every item swapped.
    [
      "systematic disagreement",
      [
        ["a", "b"],
        ["b", "a"],
        ["a", "b"],
        ["b", "a"],
      ],
      -1,
    ],
    // Po = 1/2, A: a,a / B: a,b → Pe = (2·1)/4 = 1/2.
    [
      "agreement at chance level",
      [
        ["a", "a"],
        ["a", "b"],
      ],
      0,
    ],
  ] as [string, [string, string][], number][])("%s", (_label, pairs, kappa) => {
    expect(cohenKappa(pairs)).toBeCloseTo(kappa, 3);
  });

  it("is null without pairs and when both raters used one and the same label (Pe = 1)", () => {
    expect(cohenKappa([])).toBeNull();
    expect(
      cohenKappa([
        ["x", "x"],
        ["x", "x"],
      ]),
    ).toBeNull();
  });

  it("does not depend on the order of the items", () => {
    const pairs = pairsFromTable(
      ["1", "2", "3"],
      [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ],
    );
    expect(cohenKappa([...pairs].reverse())).toBe(cohenKappa(pairs));
  });
});

describe("fleissKappa", () => {
  it("reproduces the Wikipedia worked example (10 subjects, 14 raters, 5 categories): P̄ = 0.378, P̄e = 0.213, κ = 0.210", () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(subjectsFromCounts(counts))).toBeCloseTo(0.21, 3);
  });

  it("reproduces Fleiss (1971: 379): 30 patients, 6 psychiatrists, 5 diagnoses → κ = 0.430", () => {
    // The diagnoses each patient received (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other),
    // as tabulated in DKPro Statistics' Fleiss1971Test; P̄ = 0.5556, P̄e = 0.2201.
    const rows = [
      "444444",
      "222555",
      "233335",
      "555555",
      "222444",
      "113333",
      "333355",
      "113334",
      "114444",
      "555555",
      "144444",
      "124444",
      "222333",
      "144444",
      "224445",
      "333335",
      "111455",
      "111112",
      "224444",
      "133555",
      "555555",
      "244444",
      "224555",
      "114444",
      "144445",
      "222224",
      "111155",
      "224444",
      "133333",
      "555555",
    ];
    expect(fleissKappa(rows.map((r) => [...r]))).toBeCloseTo(0.43, 3);
  });

  it("equals Scott's pi for two raters (hand computed)", () => {
    // Krippendorff's (2004: 224) binary example: Po = 6/10, pooled margins 14/20 and 6/20 → Pe = 0.58, π = 0.02/0.42 = 1/21.
    const a = "1100000000";
    const b = "0110010100";
    expect(fleissKappa([...a].map((x, i) => [x, b[i]!]))).toBeCloseTo(1 / 21, 10);
  });

  it.each([
    [
      "perfect agreement",
      [
        ["a", "a", "a"],
        ["b", "b", "b"],
      ],
      1,
    ],
    // P̄ = 1/3, P̄e = 5/9 → κ = (1/3 − 5/9) / (4/9) = −1/2.
    ["one subject, split 2–1", [["x", "x", "y"]], -0.5],
  ] as [string, string[][], number][])("%s", (_label, units, kappa) => {
    expect(fleissKappa(units)).toBeCloseTo(kappa, 10);
  });

  it("is null without subjects and when every label is the same (P̄e = 1)", () => {
    expect(fleissKappa([])).toBeNull();
    expect(
      fleissKappa([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toBeNull();
  });

  it("throws when subjects have different numbers of raters or fewer than 2", () => {
    expect(() =>
      fleissKappa([
        ["a", "b"],
        ["a", "b", "c"],
      ]),
    ).toThrow(/same number of raters/);
    expect(() => fleissKappa([["a"], ["b"]])).toThrow(/at least 2 raters/);
  });
});
