import { describe, expect, it } from "vitest";
import { BLOCK, fromBlocked, paddedDim, toBlocked } from "../../src/graph/blocked-spmm";
import { csrFromEdges, csrToDense } from "../../src/graph/csr";
import { denseMatMul } from "../../src/graph/csr-multiply";
import { adamStep } from "../../src/recommend/lightgcn-adam";
import { fullRankingEval, scoreItems } from "../../src/recommend/lightgcn-eval";
import { lightGcnGraph } from "../../src/recommend/lightgcn-graph";
import { propagateLayers } from "../../src/recommend/lightgcn-propagate";
import { epochRng, rowHas, sampleBprTriples } from "../../src/recommend/lightgcn-sampler";
import { initLightGcnState } from "../../src/recommend/lightgcn-state";
import { createRng } from "../../src/util/rng";

function randomInteractions(seed: number, nU: number, nI: number, m: number) {
  const rng = createRng(seed);
  return csrFromEdges({ rows: Array.from({ length: m }, () => rng.int(nU)), cols: Array.from({ length: m }, () => rng.int(nI)) }, { nRows: nU, nCols: nI, duplicates: "max" });
}

describe("propagateLayers", () => {
  it("equals the dense mean of Â^k E for k = 0..K", () => {
    const r = randomInteractions(1, 7, 9, 25);
    const g = lightGcnGraph(r);
    const n = 16;
    const dim = 6;
    const rng = createRng(2);
    const e = Float64Array.from({ length: n * dim }, () => rng.normal());
    const A = csrToDense(g.adj);
    for (const K of [0, 1, 3]) {
      const want = Float64Array.from(e);
      let cur = Float64Array.from(e);
      for (let k = 1; k <= K; k++) {
        cur = denseMatMul(A, cur, n, n, dim);
        for (let i = 0; i < want.length; i++) want[i] += cur[i];
      }
      const got = fromBlocked(propagateLayers(g.adj, toBlocked(e, n, dim), K, paddedDim(dim)), n, dim);
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i] / (K + 1))).toBeLessThan(1e-5);
    }
  });
});

describe("adamStep", () => {
  it("follows PyTorch's update on hand-computed steps", () => {
    // one parameter, gradients 2 then -1, lr 0.1
    const p = Float64Array.of(1), m = new Float64Array(1), v = new Float64Array(1);
    const o = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
    adamStep(p, Float64Array.of(2), m, v, 1, o);
    // m = 0.2, v = 0.004; m̂ = 2, v̂ = 4 → step 0.1·2/(2+1e-8)
    expect(p[0]).toBeCloseTo(1 - 0.1 * (2 / (2 + 1e-8)), 12);
    adamStep(p, Float64Array.of(-1), m, v, 2, o);
    const m2 = 0.9 * 0.2 - 0.1, v2 = 0.999 * 0.004 + 0.001;
    const step = (0.1 / (1 - 0.81)) * m2 / (Math.sqrt(v2) / Math.sqrt(1 - 0.999 ** 2) + 1e-8);
    expect(p[0]).toBeCloseTo(1 - 0.1 * (2 / (2 + 1e-8)) - step, 12);
    expect(() => adamStep(p, Float64Array.of(1), m, v, 0, o)).toThrow(/t must be/);
  });
});

describe("sampleBprTriples", () => {
  const r = randomInteractions(3, 30, 12, 120);
  it("positives are the user's items, negatives never are, users uniform over eligible users", () => {
    const t = sampleBprTriples(r, 30000, epochRng(42, 0));
    const counts = new Float64Array(30);
    let badPos = 0;
    let badNeg = 0;
    for (let b = 0; b < t.users.length; b++) {
      if (!rowHas(r, t.users[b], t.pos[b])) badPos++;
      if (rowHas(r, t.users[b], t.neg[b])) badNeg++;
      counts[t.users[b]]++;
    }
    expect([badPos, badNeg]).toEqual([0, 0]);
    const eligible = Array.from({ length: 30 }, (_, u) => r.indptr[u + 1] - r.indptr[u]).filter((d) => d > 0 && d < 12).length;
    const expected = 30000 / eligible;
    for (let u = 0; u < 30; u++) if (counts[u] > 0) expect(Math.abs(counts[u] - expected)).toBeLessThan(5 * Math.sqrt(expected));
  });

  it("is a function of (seed, epoch)", () => {
    const a = sampleBprTriples(r, 100, epochRng(42, 3));
    const b = sampleBprTriples(r, 100, epochRng(42, 3));
    const c = sampleBprTriples(r, 100, epochRng(42, 4));
    expect(Array.from(a.neg)).toEqual(Array.from(b.neg));
    expect(Array.from(a.neg)).not.toEqual(Array.from(c.neg));
  });
});

describe("initLightGcnState", () => {
  it("draws N(0, 0.1²) in the used columns and zero padding, deterministically", () => {
    const s = initLightGcnState(200, 300, { dim: 12, seed: 5 });
    expect(s.dp).toBe(16);
    const n = 500;
    let sum2 = 0;
    for (let i = 0; i < s.e0.length; i++) {
      const j = Math.floor(i / (n * BLOCK)) * BLOCK + (i % BLOCK);
      if (j >= 12) expect(s.e0[i]).toBe(0);
      else sum2 += s.e0[i] ** 2;
    }
    expect(Math.sqrt(sum2 / (n * 12))).toBeCloseTo(0.1, 2);
    expect(Array.from(initLightGcnState(200, 300, { dim: 12, seed: 5 }).e0)).toEqual(Array.from(s.e0));
    expect(() => initLightGcnState(2, 2, { layers: -1 })).toThrow(/layers/);
  });
});

describe("fullRankingEval", () => {
  it("matches a brute-force sort of every score", () => {
    const nU = 13, nI = 37, dim = 7;
    const rng = createRng(8);
    const U = Float32Array.from({ length: nU * dim }, () => rng.normal());
    const I = Float32Array.from({ length: nI * dim }, () => rng.normal());
    const train = randomInteractions(9, nU, nI, 80);
    const truth = randomInteractions(10, nU, nI, 60);
    for (const k of [1, 5, 20]) {
      const got = fullRankingEval(U, I, dim, train, truth, { k });
      let R = 0, N = 0, users = 0;
      for (let u = 0; u < nU; u++) {
        const t = new Set(Array.from(truth.indices.subarray(truth.indptr[u], truth.indptr[u + 1])));
        if (t.size === 0) continue;
        const seen = new Set(Array.from(train.indices.subarray(train.indptr[u], train.indptr[u + 1])));
        const scored = [];
        for (let i = 0; i < nI; i++) {
          if (seen.has(i)) continue;
          let s = 0;
          for (let c = 0; c < dim; c++) s += U[u * dim + c] * I[i * dim + c];
          scored.push({ i, s: Math.fround(s) });
        }
        scored.sort((a, b) => b.s - a.s || a.i - b.i);
        const top = scored.slice(0, k);
        let hits = 0, dcg = 0, idcg = 0;
        top.forEach((x, r) => {
          if (t.has(x.i)) {
            hits++;
            dcg += 1 / Math.log2(r + 2);
          }
        });
        for (let r = 0; r < Math.min(k, t.size); r++) idcg += 1 / Math.log2(r + 2);
        R += hits / t.size;
        N += dcg / idcg;
        users++;
      }
      expect(got.users).toBe(users);
      expect(got[`recall@${k}`]).toBeCloseTo(R / users, 10);
      expect(got[`ndcg@${k}`]).toBeCloseTo(N / users, 10);
    }
  });
});

describe("scoreItems", () => {
  it("equals plain dot products, including the items past the last group of 4", () => {
    const rng = createRng(12);
    const dim = 5, nI = 11;
    const U = Float32Array.from({ length: 3 * dim }, () => rng.normal());
    const I = Float32Array.from({ length: nI * dim }, () => rng.normal());
    const got = scoreItems(U, I, dim, 2);
    for (let i = 0; i < nI; i++) {
      let s = 0;
      for (let c = 0; c < dim; c++) s += U[2 * dim + c] * I[i * dim + c];
      expect(got[i]).toBeCloseTo(s, 5);
    }
    expect(() => scoreItems(U, I, dim, 0, new Float32Array(3))).toThrow(/expected 11/);
  });
});
