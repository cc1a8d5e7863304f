import { describe, expect, it } from "vitest";
import { TopKHeap, topK } from "../../src/recommend/top-k";
import { createRng } from "../../src/util/rng";

/** Brute force: sort all eligible items by (score desc, index asc). */
function bruteTopK(scores: number[], k: number, exclude: number[] = [], among?: number[]): number[] {
  const ex = new Set(exclude);
  const pool = (among ?? scores.map((_, i) => i)).filter((i) => !ex.has(i));
  return pool.sort((a, b) => scores[b] - scores[a] || a - b).slice(0, k);
}

describe("topK", () => {
  it("equals a full sort on random scores with many ties, with and without exclusion / candidates", () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.int(60);
      const scores = Array.from({ length: n }, () => rng.int(6) - 2); // ties and negatives
      const k = 1 + rng.int(n + 5);
      const exclude = [...new Set(Array.from({ length: rng.int(n) }, () => rng.int(n)))].sort((a, b) => a - b);
      const among = rng.next() < 0.5 ? undefined : [...new Set(Array.from({ length: rng.int(n) + 1 }, () => rng.int(n)))].sort((a, b) => a - b);
      const f32 = Float32Array.from(scores);
      const got = topK(f32, k, { exclude, among });
      const want = bruteTopK(scores, k, exclude, among);
      expect(Array.from(got.items)).toEqual(want);
      expect(Array.from(got.scores)).toEqual(want.map((i) => scores[i]));
    }
  });

  it("breaks ties by the smaller index and returns all eligible items when k is larger", () => {
    expect(Array.from(topK(Float32Array.of(1, 3, 3, 2, 3), 2).items)).toEqual([1, 2]);
    expect(Array.from(topK(Float32Array.of(5, 1, 5, 3), 3, { exclude: [0] }).items)).toEqual([2, 3, 1]);
    expect(Array.from(topK(Float32Array.of(5, 1, 5, 3), 9, { among: [1, 3] }).items)).toEqual([3, 1]);
    expect(topK(Float32Array.of(1, 2), 5, { exclude: [0, 1] }).items.length).toBe(0);
  });

  it("handles -Infinity scores as eligible and throws on NaN, bad k or unsorted candidates", () => {
    expect(Array.from(topK(Float32Array.of(-Infinity, 0, -Infinity), 3).items)).toEqual([1, 0, 2]);
    expect(() => topK(Float32Array.of(1, NaN), 2)).toThrow(/NaN/);
    expect(() => topK(Float32Array.of(1), 0)).toThrow(/k/);
    expect(() => topK(Float32Array.of(1, 2), 1, { among: [1, 0] })).toThrow(/sorted/);
  });

  it("does not modify the scores", () => {
    const s = Float32Array.of(3, 1, 2);
    topK(s, 2, { exclude: [0] });
    expect(Array.from(s)).toEqual([3, 1, 2]);
  });
});

describe("TopKHeap", () => {
  it("keeps the k best of pairs offered in any order", () => {
    const rng = createRng(9);
    const scores = Array.from({ length: 300 }, () => rng.int(20));
    const order = rng.shuffle(scores.map((_, i) => i));
    const heap = new TopKHeap(25);
    for (const i of order) heap.offer(scores[i], i);
    expect(Array.from(heap.result().items)).toEqual(bruteTopK(scores, 25));
  });
});
