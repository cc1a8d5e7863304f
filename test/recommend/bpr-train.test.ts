import { describe, expect, it } from "vitest";
import { csrFromEdges, type Csr } from "../../src/graph/csr";
import { bprEpoch, initFactors, rowOfEntries, type BprFactors } from "../../src/recommend/bpr-train";
import { createRng, type Rng } from "../../src/util/rng";

function randomInteractions(seed: number, nUsers = 30, nItems = 40): Csr {
  const rng = createRng(seed);
  const rows: number[] = [];
  const cols: number[] = [];
  for (let u = 0; u < nUsers; u++) for (let e = 0; e < 2 + rng.int(8); e++) { rows.push(u); cols.push(rng.int(nItems)); }
  return csrFromEdges({ rows, cols }, { nRows: nUsers, nCols: nItems, duplicates: "max" });
}

/** The specification, written plainly: shuffle, then per pair c rejection-sampled negatives, keep the best-scored, SGD step. */
function referenceEpoch(m: Csr, f: BprFactors, lr: number, reg: number, cands: number, rng: Rng): number {
  const pairs: [number, number][] = [];
  for (let u = 0; u < m.nRows; u++) for (let p = m.indptr[u]; p < m.indptr[u + 1]; p++) pairs.push([u, m.indices[p]]);
  const order = pairs.map((_, k) => k);
  for (let p = order.length - 1; p > 0; p--) {
    const q = rng.int(p + 1);
    [order[p], order[q]] = [order[q], order[p]];
  }
  const seen = (u: number, j: number) => Array.from(m.indices.subarray(m.indptr[u], m.indptr[u + 1])).includes(j);
  const score = (u: number, j: number) => { let x = 0; for (let c = 0; c < f.d; c++) x += f.users[u * f.d + c] * f.items[j * f.d + c]; return x; };
  let loss = 0;
  for (const k of order) {
    const [u, i] = pairs[k];
    let j = -1;
    let best = -Infinity;
    for (let c = 0; c < cands; c++) {
      let q = rng.int(m.nCols);
      while (seen(u, q)) q = rng.int(m.nCols);
      const s = cands > 1 ? score(u, q) : 0;
      if (c === 0 || s > best) { best = s; j = q; }
    }
    let x = 0;
    for (let c = 0; c < f.d; c++) x += f.users[u * f.d + c] * (f.items[i * f.d + c] - f.items[j * f.d + c]);
    loss += Math.log1p(Math.exp(-x));
    const g = 1 / (1 + Math.exp(x));
    for (let c = 0; c < f.d; c++) {
      const a = f.users[u * f.d + c], bi = f.items[i * f.d + c], bj = f.items[j * f.d + c];
      f.users[u * f.d + c] = a + lr * (g * (bi - bj) - reg * a);
      f.items[i * f.d + c] = bi + lr * (g * a - reg * bi);
      f.items[j * f.d + c] = bj + lr * (-g * a - reg * bj);
    }
  }
  return loss / pairs.length;
}

describe("bprEpoch", () => {
  const m = randomInteractions(11);
  const fresh = () => initFactors(m.nRows, m.nCols, 6, 0.1, createRng(1));

  for (const cands of [1, 3]) {
    it(`matches the plain specification step for step with ${cands} negative candidate(s)`, () => {
      const a = fresh();
      const b = fresh();
      const rngA = createRng(9);
      const rngB = createRng(9);
      for (let e = 0; e < 3; e++) {
        const la = bprEpoch(m, rowOfEntries(m), a, { learningRate: 0.05, reg: 0.01, negCandidates: cands }, rngA);
        const lb = referenceEpoch(m, b, 0.05, 0.01, cands, rngB);
        expect(la).toBeCloseTo(lb, 6);
      }
      expect(Array.from(a.users)).toEqual(Array.from(b.users));
      expect(Array.from(a.items)).toEqual(Array.from(b.items));
    });
  }

  it("defaults to one uniform negative and rejects a bad candidate count", () => {
    const a = fresh();
    const b = fresh();
    bprEpoch(m, rowOfEntries(m), a, { learningRate: 0.05, reg: 0.01 }, createRng(4));
    bprEpoch(m, rowOfEntries(m), b, { learningRate: 0.05, reg: 0.01, negCandidates: 1 }, createRng(4));
    expect(Array.from(a.items)).toEqual(Array.from(b.items));
    expect(() => bprEpoch(m, rowOfEntries(m), a, { learningRate: 0.05, reg: 0.01, negCandidates: 0 }, createRng(4))).toThrow(/negCandidates/);
  });

  it("dynamic negatives are harder: a higher first-epoch loss than uniform ones from the same start", () => {
    // train a little so that scores are informative, then compare the mean loss of one more epoch
    const warm = fresh();
    const rng = createRng(2);
    for (let e = 0; e < 20; e++) bprEpoch(m, rowOfEntries(m), warm, { learningRate: 0.05, reg: 0.01 }, rng);
    const copy = (f: BprFactors): BprFactors => ({ d: f.d, users: f.users.slice(), items: f.items.slice() });
    const uniform = bprEpoch(m, rowOfEntries(m), copy(warm), { learningRate: 0.05, reg: 0.01 }, createRng(3));
    const dynamic = bprEpoch(m, rowOfEntries(m), copy(warm), { learningRate: 0.05, reg: 0.01, negCandidates: 5 }, createRng(3));
    expect(dynamic).toBeGreaterThan(uniform);
  });
});
