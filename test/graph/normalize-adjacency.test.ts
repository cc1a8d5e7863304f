import { describe, expect, it } from "vitest";
import { blockAdjacency } from "../../src/graph/block-adjacency";
import { csrFromEdges, csrToDense, isSymmetricCsr } from "../../src/graph/csr";
import { normalizeAdjacency } from "../../src/graph/normalize-adjacency";
import { createRng } from "../../src/util/rng";

describe("normalizeAdjacency", () => {
  it("equals D^-1/2 A D^-1/2 computed densely, with a zero-degree node left at zero", () => {
    const rng = createRng(3);
    const n = 10;
    const rows: number[] = [];
    const cols: number[] = [];
    const values: number[] = [];
    for (let e = 0; e < 25; e++) {
      const a = rng.int(n - 1); // node 9 stays isolated
      const b = rng.int(n - 1);
      rows.push(a);
      cols.push(b);
      values.push(0.5 + rng.next());
    }
    const adj = csrFromEdges({ rows, cols, values }, { nRows: n, nCols: n, symmetric: true });
    const dense = csrToDense(adj);
    const deg = Array.from({ length: n }, (_, i) => dense.slice(i * n, (i + 1) * n).reduce((s, v) => s + v, 0));
    const got = csrToDense(normalizeAdjacency(adj));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const want = deg[i] > 0 && deg[j] > 0 ? dense[i * n + j] / Math.sqrt(deg[i] * deg[j]) : 0;
        expect(Math.abs(got[i * n + j] - want)).toBeLessThan(1e-6);
      }
    }
    expect(deg[9]).toBe(0);
    expect(Number.isFinite(got.reduce((s, v) => s + v, 0))).toBe(true);
  });

  it("hand case: path 0-1-2 gives 1/√2 on both edges", () => {
    const a = normalizeAdjacency(csrFromEdges({ rows: [0, 1], cols: [1, 2] }, { symmetric: true }));
    expect(Array.from(a.values).map((v) => Number(v.toFixed(6)))).toEqual([0.707107, 0.707107, 0.707107, 0.707107]);
  });

  it("rejects non-square and negative input", () => {
    expect(() => normalizeAdjacency(csrFromEdges({ rows: [0], cols: [2] }, { nRows: 1, nCols: 3 }))).toThrow(/square/);
    expect(() => normalizeAdjacency(csrFromEdges({ rows: [0], cols: [1], values: [-1] }, { symmetric: true }))).toThrow(/negative/);
  });
});

describe("blockAdjacency", () => {
  it("builds [[0, R], [Rᵀ, w·S]] and stays symmetric", () => {
    // R: 2 users × 3 items; S: item 0 - item 2 with weight 4
    const r = csrFromEdges({ rows: [0, 0, 1], cols: [0, 2, 1], values: [1, 2, 3] }, { nRows: 2, nCols: 3 });
    const s = csrFromEdges({ rows: [0], cols: [2], values: [4] }, { nRows: 3, nCols: 3, symmetric: true });
    const a = blockAdjacency(r, { itemItem: s, itemItemWeight: 0.5 });
    // node order: u0 u1 i0 i1 i2
    expect(Array.from(csrToDense(a))).toEqual([
      0, 0, 1, 0, 2,
      0, 0, 0, 3, 0,
      1, 0, 0, 0, 2,
      0, 3, 0, 0, 0,
      2, 0, 2, 0, 0,
    ]);
    expect(isSymmetricCsr(a)).toBe(true);
    expect(Array.from(csrToDense(blockAdjacency(r))).slice(10, 15)).toEqual([1, 0, 0, 0, 0]);
    expect(() => blockAdjacency(r, { itemItem: r })).toThrow(/itemItem must be 3 × 3/);
  });
});
