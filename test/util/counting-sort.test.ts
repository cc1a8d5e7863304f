import { describe, expect, it } from "vitest";
import { countingSort } from "../../src/util/counting-sort";
import { createRng } from "../../src/util/rng";

describe("countingSort", () => {
  it("sorts positions by key, ties in input order (hand case)", () => {
    // keys of positions 0..3 are 2, 0, 2, 1 -> by key: 1 (0), 3 (1), 0 and 2 (2, input order)
    expect(Array.from(countingSort(Int32Array.of(0, 1, 2, 3), Int32Array.of(2, 0, 2, 1), 3))).toEqual([1, 3, 0, 2]);
    expect(Array.from(countingSort(Int32Array.of(2, 0, 3, 1), Int32Array.of(2, 0, 2, 1), 3))).toEqual([1, 3, 2, 0]);
  });

  it("matches a stable comparison sort on random inputs, without touching its input", () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 50; trial++) {
      const n = rng.int(200);
      const nKeys = 1 + rng.int(20);
      const key = Int32Array.from({ length: n }, () => rng.int(nKeys));
      const order = Int32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const before = Array.from(order);
      const expected = [...before].sort((a, b) => key[a] - key[b]); // Array.prototype.sort is stable
      expect(Array.from(countingSort(order, key, nKeys))).toEqual(expected);
      expect(Array.from(order)).toEqual(before);
    }
  });
});
