// Maximum-weight bipartite matching (the Hungarian algorithm with potentials, O(n²·m)).
// Weights are non-negative integers in practice, so all arithmetic below stays exact.

/** Row/column pairs of a maximum-weight matching of `weights[row][col]`; pairs of weight ≤ 0 are left out. Deterministic: equal matrices give equal matchings. */
export function maxWeightMatching(weights: readonly (readonly number[])[]): [number, number][] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0]!.length;
  if (rows === 0 || cols === 0) return [];
  // The solver assigns every row of a rows ≤ cols matrix, so the wider side becomes the columns.
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const weight = (i: number, j: number) => (transpose ? weights[j]![i]! : weights[i]![j]!);
  const columnOf = minCostAssignment(n, m, (i, j) => -weight(i, j));
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const j = columnOf[i]!;
    // A forced assignment on a zero (or negative) edge is no match at all.
    if (weight(i, j) > 0) pairs.push(transpose ? [j, i] : [i, j]);
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** For an n×m cost matrix with n ≤ m: the column assigned to each row in a minimum-cost assignment. */
function minCostAssignment(n: number, m: number, cost: (row: number, col: number) => number): number[] {
  // 1-based indices, column 0 is the virtual start of each augmenting path.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const rowOfCol = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    rowOfCol[0] = i;
    let col0 = 0;
    const minv = new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[col0] = true;
      const row0 = rowOfCol[col0]!;
      let delta = Number.POSITIVE_INFINITY;
      let col1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = cost(row0 - 1, j - 1) - u[row0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = col0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          col1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOfCol[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      col0 = col1;
    } while (rowOfCol[col0] !== 0);
    do {
      const prev = way[col0]!;
      rowOfCol[col0] = rowOfCol[prev]!;
      col0 = prev;
    } while (col0 !== 0);
  }
  const columnOf = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (rowOfCol[j]! > 0) columnOf[rowOfCol[j]! - 1] = j - 1;
  return columnOf;
}
