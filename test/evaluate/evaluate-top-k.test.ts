import { describe, expect, it } from "vitest";
import { evaluateTopK } from "../../src/evaluate/evaluate-top-k";
import { createRng } from "../../src/util/rng";

/** Plain-JS re-implementation of every accuracy metric for one user. */
function oracle(list: number[], truth: Set<number>, k: number): Record<string, number> {
  const top = list.slice(0, k);
  const rel = top.map((i) => (truth.has(i) ? 1 : 0));
  const hits = rel.reduce((a: number, b) => a + b, 0);
  const dcg = rel.reduce((s: number, r, p) => s + r / Math.log2(p + 2), 0);
  let idcg = 0;
  for (let p = 0; p < Math.min(truth.size, k); p++) idcg += 1 / Math.log2(p + 2);
  const first = rel.indexOf(1);
  let ap = 0;
  rel.forEach((r, p) => {
    if (r) ap += rel.slice(0, p + 1).reduce((a: number, b) => a + b, 0) / (p + 1);
  });
  return {
    recall: hits / truth.size,
    precision: hits / k,
    hr: hits > 0 ? 1 : 0,
    ndcg: dcg / idcg,
    mrr: first < 0 ? 0 : 1 / (first + 1),
    map: ap / Math.min(truth.size, k),
  };
}

describe("evaluateTopK", () => {
  it("matches a plain-JS oracle on random lists and truth sets (users without truth skipped)", () => {
    const rng = createRng(12);
    for (let trial = 0; trial < 20; trial++) {
      const nUsers = 1 + rng.int(30);
      const nItems = 5 + rng.int(40);
      const width = 1 + rng.int(12);
      const truths: Set<number>[] = [];
      const listsPlain: number[][] = [];
      const indptr = [0];
      const indices: number[] = [];
      const items = new Int32Array(nUsers * width).fill(-1);
      for (let u = 0; u < nUsers; u++) {
        const t = new Set<number>(Array.from({ length: rng.int(6) }, () => rng.int(nItems)));
        truths.push(t);
        indices.push(...[...t].sort((a, b) => a - b));
        indptr.push(indices.length);
        const list = rng.shuffle(Array.from({ length: nItems }, (_, i) => i)).slice(0, rng.int(width + 1));
        listsPlain.push(list);
        list.forEach((i, p) => (items[u * width + p] = i));
      }
      const ks = [1, 3, width + 2];
      const metrics = ["recall", "precision", "hr", "ndcg", "mrr", "map"] as const;
      const got = evaluateTopK({ indptr: Int32Array.from(indptr), indices: Int32Array.from(indices) }, { width, items }, { ks, metrics: [...metrics], nItems });
      const evaluated = truths.map((t, u) => u).filter((u) => truths[u].size > 0);
      for (const m of metrics) {
        for (const k of ks) {
          const want = evaluated.length ? evaluated.reduce((s, u) => s + oracle(listsPlain[u], truths[u], k)[m], 0) / evaluated.length : NaN;
          expect(got[`${m}@${k}`]).toBeCloseTo(want, 12);
        }
      }
    }
  });

  it("keys results name@k in metrics × ks order; list metrics see only evaluated users", () => {
    // user 0 has truth {1}, list [1, 2]; user 1 has no truth, list [3, 4]
    const truth = { indptr: Int32Array.of(0, 1, 1), indices: Int32Array.of(1) };
    const lists = { width: 2, items: Int32Array.of(1, 2, 3, 4) };
    const r = evaluateTopK(truth, lists, { ks: [1, 2], metrics: ["recall", "coverage"], nItems: 10 });
    expect(Object.keys(r)).toEqual(["recall@1", "recall@2", "coverage@1", "coverage@2"]);
    expect(r).toEqual({ "recall@1": 1, "recall@2": 1, "coverage@1": 0.1, "coverage@2": 0.2 });
  });

  it("rejects bad cut-offs, unknown metrics and misshapen lists", () => {
    const truth = { indptr: Int32Array.of(0, 1), indices: Int32Array.of(0) };
    const lists = { width: 2, items: Int32Array.of(0, 1) };
    expect(() => evaluateTopK(truth, lists, { ks: [0], metrics: ["recall"], nItems: 2 })).toThrow(/k/);
    expect(() => evaluateTopK(truth, lists, { ks: [1], metrics: ["auc" as never], nItems: 2 })).toThrow(/unknown metric/);
    expect(() => evaluateTopK(truth, { width: 3, items: Int32Array.of(0, 1) }, { ks: [1], metrics: ["recall"], nItems: 2 })).toThrow(/nUsers/);
  });
});
