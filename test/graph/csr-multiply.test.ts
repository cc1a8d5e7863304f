import { describe, expect, it } from "vitest";
import { fromBlocked, paddedDim, scatterBlockedRows, spmmBlocked, spmmBlockedRows, toBlocked } from "../../src/graph/blocked-spmm";
import { csrFromEdges, csrToDense, transposeCsr } from "../../src/graph/csr";
import { denseMatMul, spmm } from "../../src/graph/csr-multiply";
import { createRng } from "../../src/util/rng";

function randomCsr(seed: number, nR: number, nC: number, m: number, symmetric = false) {
  const rng = createRng(seed);
  const rows = Array.from({ length: m }, () => rng.int(nR));
  const cols = Array.from({ length: m }, () => rng.int(nC));
  const values = Array.from({ length: m }, () => rng.normal());
  return csrFromEdges({ rows, cols, values }, { nRows: nR, nCols: nC, symmetric });
}

function randomDense(seed: number, n: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-5): void => {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  expect(worst).toBeLessThan(tol);
};

describe("spmm (row-major)", () => {
  it("equals the dense product for widths below, at and above the 8-column chunk", () => {
    for (const dim of [1, 3, 8, 13, 64]) {
      const a = randomCsr(dim, 9, 12, 40);
      const x = randomDense(100 + dim, 12 * dim);
      close(spmm(a, x, dim), denseMatMul(csrToDense(a), x, 9, 12, dim));
    }
  });

  it("writes into out, rejects aliasing and wrong sizes", () => {
    const a = randomCsr(1, 4, 4, 10);
    const x = randomDense(2, 8);
    const out = new Float64Array(8);
    expect(spmm(a, x, 2, out)).toBe(out);
    expect(() => spmm(a, x, 2, x)).toThrow(/alias/);
    expect(() => spmm(a, x, 3)).toThrow(/expected nCols/);
  });
});

describe("blocked layout kernels", () => {
  const n = 23;
  const dim = 13; // padded to 16: two blocks, three padding columns
  const dp = paddedDim(dim);
  const a = randomCsr(5, n, n, 90, true);
  const x = randomDense(6, n * dim);
  const dense = denseMatMul(csrToDense(a), x, n, n, dim);

  it("round-trips through toBlocked / fromBlocked with zero padding", () => {
    const xb = toBlocked(x, n, dim);
    expect(xb.length).toBe(n * 16);
    expect(Array.from(fromBlocked(xb, n, dim))).toEqual(Array.from(x));
    expect(Array.from(fromBlocked(xb, n, dim, 5, 9))).toEqual(Array.from(x.subarray(5 * dim, 9 * dim)));
    expect(xb[1 * n * 8 + 4 * 8 + 7]).toBe(0); // column 15 of node 4 is padding
  });

  it("spmmBlocked equals A·X; block ranges compose", () => {
    const out = new Float32Array(n * dp);
    spmmBlocked(a, toBlocked(x, n, dim), dp, out);
    close(fromBlocked(out, n, dim), dense);
    const split = new Float32Array(n * dp);
    spmmBlocked(a, toBlocked(x, n, dim), dp, split, 0, 1);
    spmmBlocked(a, toBlocked(x, n, dim), dp, split, 1, 2);
    expect(Array.from(split)).toEqual(Array.from(out));
  });

  it("spmmBlockedRows fills only the listed rows", () => {
    const rows = Int32Array.of(0, 7, 22);
    const out = new Float32Array(n * dp).fill(99);
    spmmBlockedRows(a, rows, toBlocked(x, n, dim), dp, out);
    const got = fromBlocked(out, n, dim);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < dim; j++) {
        if ([0, 7, 22].includes(i)) expect(Math.abs(got[i * dim + j] - dense[i * dim + j])).toBeLessThan(1e-5);
        else expect(got[i * dim + j]).toBe(99);
      }
    }
  });

  it("scatterBlockedRows adds Aᵀ·X for X supported on the listed rows", () => {
    const rows = Int32Array.of(2, 3, 11);
    const xs = new Float32Array(n * dim);
    for (const r of rows) xs.set(x.subarray(r * dim, (r + 1) * dim), r * dim);
    const start = randomDense(8, n * dim);
    const out = toBlocked(start, n, dim);
    scatterBlockedRows(a, rows, toBlocked(xs, n, dim), dp, out);
    const at = csrToDense(transposeCsr(a));
    const expected = denseMatMul(at, xs, n, n, dim).map((v, i) => v + start[i]);
    close(fromBlocked(out, n, dim), expected);
  });
});
