import { describe, expect, it } from "vitest";
import { spmmBlocked, toBlocked } from "../../src/graph/blocked-spmm";
import { csrFromEdges } from "../../src/graph/csr";
import { createSpmmPool, shareCsr, sharedFloat32 } from "../../src/graph/spmm-pool";
import { createRng } from "../../src/util/rng";

describe("createSpmmPool", () => {
  const rng = createRng(4);
  const n = 5000;
  const m = 40000;
  const a = csrFromEdges(
    { rows: Array.from({ length: m }, () => rng.int(n)), cols: Array.from({ length: m }, () => rng.int(n)), values: Array.from({ length: m }, () => rng.normal()) },
    { nRows: n, nCols: n, symmetric: true },
  );
  const dim = 24;
  const x = toBlocked(Float32Array.from({ length: n * dim }, () => rng.normal()), n, dim);

  it("gives bit-identical results to the single-threaded kernel, call after call", () => {
    const want = new Float32Array(n * dim);
    spmmBlocked(a, x, dim, want);
    const pool = createSpmmPool(3, 700); // small row chunks: many tasks to share
    try {
      const sa = shareCsr(a);
      const sx = sharedFloat32(n * dim);
      sx.set(x);
      for (let rep = 0; rep < 5; rep++) {
        const out = sharedFloat32(n * dim);
        pool.spmm(sa, sx, dim, out);
        expect(Buffer.from(out.buffer).equals(Buffer.from(want.buffer))).toBe(true);
      }
      // chained: out of one call is the input of the next (what propagation does)
      const y1 = sharedFloat32(n * dim);
      const y2 = sharedFloat32(n * dim);
      pool.spmm(sa, sx, dim, y1);
      pool.spmm(sa, y1, dim, y2);
      const w2 = new Float32Array(n * dim);
      spmmBlocked(a, want, dim, w2);
      expect(Buffer.from(y2.buffer).equals(Buffer.from(w2.buffer))).toBe(true);
      // non-shared operands fall back to the single-threaded kernel
      const plain = new Float32Array(n * dim);
      pool.spmm(a, x, dim, plain);
      expect(Buffer.from(plain.buffer).equals(Buffer.from(want.buffer))).toBe(true);
      expect(() => pool.spmm(sa, sx, dim, sx)).toThrow(/alias/);
      // the workers take part (they start asynchronously: give them a few calls)
      for (let rep = 0; rep < 300 && pool.workerTasks() === 0; rep++) pool.spmm(sa, sx, dim, y1);
      expect(pool.workerTasks()).toBeGreaterThan(0);
    } finally {
      pool.dispose();
    }
  });

  it("rejects a bad thread count", () => {
    expect(() => createSpmmPool(0)).toThrow(/threads/);
  });
});
