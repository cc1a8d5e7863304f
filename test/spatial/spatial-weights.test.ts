import { describe, it, expect } from "vitest";
import { gridWeights, type SpatialWeights } from "../../src/spatial/spatial-weights";

function rows(w: SpatialWeights): number[][] {
  return Array.from({ length: w.n }, (_, i) => Array.from(w.neighbours.slice(w.offsets[i], w.offsets[i + 1])));
}
const dist = (a: number, b: number, nCols: number) => Math.hypot(Math.floor(a / nCols) - Math.floor(b / nCols), (a % nCols) - (b % nCols));

describe("gridWeights", () => {
  it("default band (1.5 cells) is the cell plus its queen neighbours", () => {
    const w = rows(gridWeights({ nRows: 3, nCols: 4, cellSizeM: 100 }));
    expect(w[0].slice().sort((a, b) => a - b)).toEqual([0, 1, 4, 5]); // corner: 4
    expect(w[1].slice().sort((a, b) => a - b)).toEqual([0, 1, 2, 4, 5, 6]); // edge: 6
    expect(w[5].slice().sort((a, b) => a - b)).toEqual([0, 1, 2, 4, 5, 6, 8, 9, 10]); // interior: 9
    expect(w[5][0]).toBe(5); // self first
  });

  it("distance band equals the brute-force set of cells within the band (self included)", () => {
    const g = { nRows: 9, nCols: 7, cellSizeM: 250 };
    for (const bandM of [0, 250, 300, 600, 1000]) {
      const w = rows(gridWeights(g, { kind: "band", bandM }));
      for (let i = 0; i < 63; i++) {
        const want = Array.from({ length: 63 }, (_, j) => j).filter((j) => dist(i, j, 7) * 250 <= bandM + 1e-9);
        expect(w[i].slice().sort((a, b) => a - b)).toEqual(want);
      }
    }
  });

  it("kNN: self plus the k nearest cells, even at corners of a narrow grid", () => {
    for (const [nRows, nCols, k] of [[6, 8, 8], [1, 30, 12], [5, 5, 24]]) {
      const n = nRows * nCols;
      const w = rows(gridWeights({ nRows, nCols, cellSizeM: 100 }, { kind: "knn", k }));
      for (let i = 0; i < n; i++) {
        expect(w[i][0]).toBe(i);
        expect(w[i]).toHaveLength(k + 1);
        expect(new Set(w[i]).size).toBe(k + 1);
        const kth = Math.max(...w[i].map((j) => dist(i, j, nCols)));
        for (let j = 0; j < n; j++) if (!w[i].includes(j)) expect(dist(i, j, nCols)).toBeGreaterThanOrEqual(kth);
      }
    }
  });

  it("fails loudly on bad schemes", () => {
    const g = { nRows: 2, nCols: 2, cellSizeM: 100 };
    expect(() => gridWeights(g, { kind: "knn", k: 4 })).toThrow(/k must be in \[1, 3\]/);
    expect(() => gridWeights(g, { kind: "knn", k: 0 })).toThrow(/k must be an integer >= 1/);
    expect(() => gridWeights(g, { kind: "band", bandM: -1 })).toThrow(/bandM/);
    expect(() => gridWeights(g, { kind: "ring" } as never)).toThrow(/invalid scheme kind 'ring'/);
    expect(() => gridWeights({ nRows: 0, nCols: 2, cellSizeM: 1 })).toThrow(/nRows/);
  });
});
