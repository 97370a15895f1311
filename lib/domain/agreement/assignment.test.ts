import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxWeightMatching } from "./assignment";
import { bruteForceOptimum, greedyTotal } from "./test-fixtures";

const total = (weights: number[][], pairs: [number, number][]) => pairs.reduce((sum, [i, j]) => sum + weights[i]![j]!, 0);

describe("maxWeightMatching", () => {
  it.each([
    ["empty", [], []],
    ["no columns", [[], []], []],
    ["a single positive edge", [[3]], [[0, 0]]],
    [
      "zero-weight edges are no match",
      [
        [0, 0],
        [0, 5],
      ],
      [[1, 1]],
    ],
    // Greedy takes the 5 and is stuck at 5; the optimum pairs 4 + 4 = 8.
    [
      "beats greedy",
      [
        [5, 4],
        [4, 0],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    ],
    ["more rows than columns", [[1], [7], [3]], [[1, 0]]],
    ["more columns than rows", [[1, 7, 3]], [[0, 1]]],
  ] as [string, number[][], [number, number][]][])("%s", (_label, weights, pairs) => {
    expect(maxWeightMatching(weights)).toEqual(pairs);
  });

  it("finds the optimum of random matrices (brute force up to 6 × 6), never below greedy, each row and column at most once", () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, cols]) => fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(matrix, (weights) => {
        const pairs = maxWeightMatching(weights);
        expect(new Set(pairs.map(([i]) => i)).size).toBe(pairs.length);
        expect(new Set(pairs.map(([, j]) => j)).size).toBe(pairs.length);
        expect(pairs.every(([i, j]) => weights[i]![j]! > 0)).toBe(true);
        expect(total(weights, pairs)).toBe(bruteForceOptimum(weights));
        expect(total(weights, pairs)).toBeGreaterThanOrEqual(greedyTotal(weights));
      }),
      { numRuns: 300 },
    );
  });
});
