import { describe, expect, it } from "vitest";
import { BLOCK, paddedDim, toBlocked } from "../../src/graph/blocked-spmm";
import { csrFromEdges, csrToDense } from "../../src/graph/csr";
import { bprLossGrad, createBprWorkspace, type BprBatch } from "../../src/recommend/lightgcn-grad";
import { lightGcnGraph } from "../../src/recommend/lightgcn-graph";
import { createRng } from "../../src/util/rng";

const nU = 4;
const nI = 6;
const dim = 5; // padded to 8: three padding columns must get zero gradient
const dp = paddedDim(dim);
const n = nU + nI;
const rng = createRng(11);
const edges = { rows: [0, 0, 1, 1, 2, 3, 3, 3], cols: [0, 1, 1, 2, 3, 4, 5, 0] };
const graph = lightGcnGraph(csrFromEdges(edges, { nRows: nU, nCols: nI }));
const x = Float64Array.from({ length: n * dim }, () => 0.5 * rng.normal());
// a user twice, an item both positive and negative in different triples
const batch: BprBatch = { users: Int32Array.of(0, 0, 2, 3, 1), pos: Int32Array.of(1, 0, 3, 5, 2), neg: Int32Array.of(3, 4, 1, 1, 0) };

/** Loss by a plain dense re-implementation: Â as a dense matrix, layers by matrix products. */
function denseLoss(e: Float64Array, layers: number, reg: number): number {
  const A = csrToDense(graph.adj);
  let cur = Float64Array.from(e);
  const F = Float64Array.from(e);
  for (let k = 1; k <= layers; k++) {
    const next = new Float64Array(n * dim);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let c = 0; c < dim; c++) next[i * dim + c] += A[i * n + j] * cur[j * dim + c];
    for (let i = 0; i < F.length; i++) F[i] += next[i];
    cur = next;
  }
  for (let i = 0; i < F.length; i++) F[i] /= layers + 1;
  const dot = (a: number, b: number): number => {
    let s = 0;
    for (let c = 0; c < dim; c++) s += F[a * dim + c] * F[b * dim + c];
    return s;
  };
  const sq = (a: number): number => {
    let s = 0;
    for (let c = 0; c < dim; c++) s += e[a * dim + c] ** 2;
    return s;
  };
  const B = batch.users.length;
  let loss = 0;
  for (let b = 0; b < B; b++) {
    const u = batch.users[b], p = nU + batch.pos[b], q = nU + batch.neg[b];
    loss += Math.log(1 + Math.exp(-(dot(u, p) - dot(u, q)))) / B;
    loss += (reg * 0.5 * (sq(u) + sq(p) + sq(q))) / B;
  }
  return loss;
}

/** Blocked Float64 copy of row-major e. */
function blocked64(e: Float64Array): Float64Array {
  return Float64Array.from(toBlocked(e, n, dim), (_v, i) => {
    const c = Math.floor(i / (n * BLOCK));
    const node = Math.floor((i % (n * BLOCK)) / BLOCK);
    const j = c * BLOCK + (i % BLOCK);
    return j < dim ? e[node * dim + j] : 0;
  });
}

describe("bprLossGrad", () => {
  for (const layers of [0, 1, 2, 3]) {
    it(`K=${layers}: the loss equals a dense re-implementation and the gradient equals central differences`, () => {
      const reg = 0.05;
      const problem = { adj: graph.adj, nUsers: nU, layers, dp, reg };
      const ws = createBprWorkspace(n, dp, layers, { float64: true });
      const e0 = blocked64(x);
      const r = bprLossGrad(problem, e0, batch, ws);
      expect(Math.abs(r.loss - denseLoss(x, layers, reg))).toBeLessThan(1e-12);
      const grad = Float64Array.from(r.grad);
      const h = 1e-6;
      let worst = 0;
      for (let i = 0; i < e0.length; i++) {
        const j = Math.floor(i / (n * BLOCK)) * BLOCK + (i % BLOCK);
        if (j >= dim) {
          expect(grad[i]).toBe(0); // padding column
          continue;
        }
        const plus = Float64Array.from(e0);
        const minus = Float64Array.from(e0);
        plus[i] += h;
        minus[i] -= h;
        const fd = (bprLossGrad(problem, plus, batch, ws).loss - bprLossGrad(problem, minus, batch, ws).loss) / (2 * h);
        worst = Math.max(worst, Math.abs(fd - grad[i]));
      }
      expect(worst).toBeLessThan(1e-8);
      // nodes outside the batch still get gradient through propagation when K >= 1 (node u1's items…)
      const nonzero = grad.filter((g) => g !== 0).length;
      expect(nonzero).toBeGreaterThan(0);
    });
  }

  it("leaves the workspace clean: repeated calls give identical results", () => {
    const problem = { adj: graph.adj, nUsers: nU, layers: 3, dp, reg: 1e-4 };
    const ws = createBprWorkspace(n, dp, 3, { float64: true });
    const e0 = blocked64(x);
    const a = Float64Array.from(bprLossGrad(problem, e0, batch, ws).grad);
    const b = Float64Array.from(bprLossGrad(problem, e0, batch, ws).grad);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it("rejects out-of-range indices without corrupting the workspace", () => {
    const problem = { adj: graph.adj, nUsers: nU, layers: 2, dp, reg: 0 };
    const ws = createBprWorkspace(n, dp, 2, { float64: true });
    expect(() => bprLossGrad(problem, blocked64(x), { users: Int32Array.of(0), pos: Int32Array.of(nI), neg: Int32Array.of(0) }, ws)).toThrow(/out of range/);
    expect(Array.from(ws.mark).every((m) => m === -1)).toBe(true);
  });
});
