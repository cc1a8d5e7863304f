import { describe, expect, it } from "vitest";
import { csrFromEdges, csrToDense, isSymmetricCsr, transposeCsr } from "../../src/graph/csr";
import { createRng } from "../../src/util/rng";

/** Random edge list with repeats. */
function randomEdges(seed: number, nR: number, nC: number, m: number) {
  const rng = createRng(seed);
  const rows = Array.from({ length: m }, () => rng.int(nR));
  const cols = Array.from({ length: m }, () => rng.int(nC));
  const values = Array.from({ length: m }, () => Math.round(rng.next() * 10) / 2 - 1);
  return { rows, cols, values };
}

/** Dense oracle of csrFromEdges. */
function denseOracle(e: ReturnType<typeof randomEdges>, nR: number, nC: number, mode: "sum" | "max" | "first", symmetric: boolean): Float64Array {
  const out = new Float64Array(nR * nC);
  const seen = new Set<number>();
  const add = (r: number, c: number, v: number): void => {
    const k = r * nC + c;
    if (!seen.has(k)) {
      seen.add(k);
      out[k] = v;
    } else if (mode === "sum") out[k] += v;
    else if (mode === "max") out[k] = Math.max(out[k], v);
  };
  for (let i = 0; i < e.rows.length; i++) add(e.rows[i], e.cols[i], e.values[i]);
  if (symmetric) for (let i = 0; i < e.rows.length; i++) add(e.cols[i], e.rows[i], e.values[i]);
  return out;
}

describe("csrFromEdges", () => {
  it("matches a dense accumulation for sum / max / first, with sorted columns", () => {
    for (const mode of ["sum", "max", "first"] as const) {
      for (let seed = 1; seed <= 5; seed++) {
        const e = randomEdges(seed, 7, 9, 60);
        const m = csrFromEdges(e, { nRows: 7, nCols: 9, duplicates: mode });
        expect(Array.from(csrToDense(m))).toEqual(Array.from(denseOracle(e, 7, 9, mode, false)));
        for (let r = 0; r < 7; r++) {
          for (let p = m.indptr[r] + 1; p < m.indptr[r + 1]; p++) expect(m.indices[p]).toBeGreaterThan(m.indices[p - 1]);
        }
      }
    }
  });

  it("symmetric stores both directions and combines (a,b) with (b,a)", () => {
    const e = randomEdges(9, 8, 8, 40);
    const m = csrFromEdges(e, { symmetric: true, nRows: 8, nCols: 8 });
    expect(Array.from(csrToDense(m))).toEqual(Array.from(denseOracle(e, 8, 8, "sum", true)));
    expect(isSymmetricCsr(m)).toBe(true);
    // hand case: (0,1,w=2) and (1,0,w=3) -> both entries 5
    const h = csrFromEdges({ rows: [0, 1], cols: [1, 0], values: [2, 3] }, { symmetric: true });
    expect(Array.from(csrToDense(h))).toEqual([0, 5, 5, 0]);
  });

  it("infers the shape, drops zeros on request and rejects bad indices", () => {
    const m = csrFromEdges({ rows: [0, 2], cols: [3, 0], values: [1, 0] }, { dropZeros: true });
    expect([m.nRows, m.nCols, m.indptr[m.nRows]]).toEqual([3, 4, 1]);
    expect(() => csrFromEdges({ rows: [0, -1], cols: [0, 0] })).toThrow(/rows\[1\] = -1/);
    expect(() => csrFromEdges({ rows: [0], cols: [5] }, { nCols: 5 })).toThrow(/cols\[0\] = 5/);
    expect(() => csrFromEdges({ rows: [0], cols: [0], values: [NaN] })).toThrow(/not finite/);
    expect(() => csrFromEdges({ rows: [0], cols: [1] }, { nRows: 2, nCols: 3, symmetric: true })).toThrow(/square/);
  });
});

describe("transposeCsr / isSymmetricCsr", () => {
  it("transposes like the dense transpose", () => {
    const e = randomEdges(4, 6, 11, 50);
    const m = csrFromEdges(e, { nRows: 6, nCols: 11 });
    const t = transposeCsr(m);
    const d = csrToDense(m);
    const dt = csrToDense(t);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 11; j++) expect(dt[j * 6 + i]).toBe(d[i * 11 + j]);
    expect(transposeCsr(t)).toEqual(m);
  });

  it("detects asymmetry", () => {
    expect(isSymmetricCsr(csrFromEdges({ rows: [0], cols: [1] }, { nRows: 2, nCols: 2 }))).toBe(false);
    expect(isSymmetricCsr(csrFromEdges({ rows: [0, 1], cols: [1, 0], values: [1, 2] }))).toBe(false);
  });
});
