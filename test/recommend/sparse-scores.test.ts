import { describe, expect, it } from "vitest";
import { SparseScores } from "../../src/recommend/sparse-scores";
import { topK } from "../../src/recommend/top-k";
import { createRng } from "../../src/util/rng";

describe("SparseScores", () => {
  it("ranks exactly like a dense topK in which untouched items score 0, across reused users", () => {
    const rng = createRng(4);
    const n = 40;
    const acc = new SparseScores(n);
    for (let user = 0; user < 100; user++) {
      const dense = new Float32Array(n);
      acc.begin();
      for (let t = 0; t < rng.int(15); t++) {
        const item = rng.int(n);
        const v = 0.25 * (1 + rng.int(4)); // exact in float32, ties likely
        acc.add(item, v);
        dense[item] += v;
      }
      const exclude = Int32Array.from(new Set(Array.from({ length: rng.int(10) }, () => rng.int(n)))).sort();
      const k = 1 + rng.int(n);
      const want = topK(dense, k, { exclude });
      const got = acc.rank(k, exclude);
      expect(Array.from(got.items)).toEqual(Array.from(want.items));
      expect(Array.from(got.scores)).toEqual(Array.from(want.scores));
      const out = new Float32Array(n);
      acc.writeTo(out);
      expect(Array.from(out)).toEqual(Array.from(dense));
    }
  });
});
