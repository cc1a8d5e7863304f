import { describe, expect, it } from "vitest";
import { csrFromEdges, csrToDense } from "../../src/graph/csr";
import { holdOutEntries } from "../../src/graph/hold-out-entries";
import { createRng } from "../../src/util/rng";

function randomMatrix(nRows: number, nCols: number, seed: number) {
  const rng = createRng(seed);
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < nRows; r++) {
    const n = rng.int(12); // 0..11 entries, some rows empty or single
    for (let e = 0; e < n; e++) {
      rows.push(r);
      cols.push(rng.int(nCols));
      values.push(1 + rng.int(9));
    }
  }
  return csrFromEdges({ rows, cols, values }, { nRows, nCols, duplicates: "first" });
}

describe("holdOutEntries", () => {
  const m = randomMatrix(200, 50, 7);

  it("splits into two disjoint parts whose dense sum is the input", () => {
    const { kept, held } = holdOutEntries(m, 0.2, 42);
    const a = csrToDense(kept);
    const b = csrToDense(held);
    const whole = csrToDense(m);
    for (let p = 0; p < whole.length; p++) {
      expect(a[p] !== 0 && b[p] !== 0).toBe(false);
      expect(a[p] + b[p]).toBe(whole[p]);
    }
  });

  it("holds out round(f·n) per row but keeps at least one entry, columns ascending", () => {
    const { kept, held } = holdOutEntries(m, 0.3, 1);
    for (let r = 0; r < m.nRows; r++) {
      const n = m.indptr[r + 1] - m.indptr[r];
      const h = held.indptr[r + 1] - held.indptr[r];
      expect(h).toBe(Math.max(0, Math.min(Math.round(0.3 * n), n - 1)));
      if (n > 0) expect(kept.indptr[r + 1] - kept.indptr[r]).toBeGreaterThanOrEqual(1);
      for (const part of [kept, held]) {
        for (let p = part.indptr[r] + 1; p < part.indptr[r + 1]; p++) expect(part.indices[p]).toBeGreaterThan(part.indices[p - 1]);
      }
    }
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const x = holdOutEntries(m, 0.25, 3).held;
    expect(Array.from(holdOutEntries(m, 0.25, 3).held.indices)).toEqual(Array.from(x.indices));
    expect(Array.from(holdOutEntries(m, 0.25, 4).held.indices)).not.toEqual(Array.from(x.indices));
  });

  it("holds out each entry with roughly the requested probability", () => {
    // 2,000 rows of 10 entries, fraction 0.3: every column position is held ~30 % of the time
    const rows: number[] = [];
    const cols: number[] = [];
    for (let r = 0; r < 2000; r++) for (let c = 0; c < 10; c++) { rows.push(r); cols.push(c); }
    const big = csrFromEdges({ rows, cols }, { nRows: 2000, nCols: 10 });
    const { held } = holdOutEntries(big, 0.3, 9);
    const perCol = new Array(10).fill(0);
    for (let p = 0; p < held.indices.length; p++) perCol[held.indices[p]]++;
    for (const c of perCol) expect(Math.abs(c / 2000 - 0.3)).toBeLessThan(0.04);
  });

  it("rejects a fraction outside [0, 1)", () => {
    expect(() => holdOutEntries(m, 1, 0)).toThrow(/fraction/);
    expect(() => holdOutEntries(m, -0.1, 0)).toThrow(/fraction/);
  });
});
