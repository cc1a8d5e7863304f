import { describe, expect, it } from "vitest";
import { csrFromEdges } from "../../src/graph/csr";
import { csrDegrees, degreeStats } from "../../src/graph/degree-stats";

describe("csrDegrees", () => {
  // [[1, 2, 0], [0, 0, 0], [0, 4, 0]]
  const m = csrFromEdges({ rows: [0, 0, 2], cols: [0, 1, 1], values: [1, 2, 4] }, { nRows: 3, nCols: 3 });
  it("counts and sums rows and columns", () => {
    expect(Array.from(csrDegrees(m))).toEqual([2, 0, 1]);
    expect(Array.from(csrDegrees(m, { weighted: true }))).toEqual([3, 0, 4]);
    expect(Array.from(csrDegrees(m, { axis: "col" }))).toEqual([1, 2, 0]);
    expect(Array.from(csrDegrees(m, { axis: "col", weighted: true }))).toEqual([1, 6, 0]);
  });
});

describe("degreeStats", () => {
  it("summarises a hand-made sequence", () => {
    // sorted 0 1 1 2 3 5 8 13 21 34: mean 8.8, median (3+5)/2 = 4, p90 = 10th*0.9 = 9th value = 21
    expect(degreeStats([34, 0, 1, 21, 1, 2, 3, 13, 5, 8])).toEqual({ n: 10, zeros: 1, min: 0, max: 34, mean: 8.8, median: 4, p90: 21, p99: 34, total: 88 });
    expect(degreeStats([]).n).toBe(0);
  });
});
