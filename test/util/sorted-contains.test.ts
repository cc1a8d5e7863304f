import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng";
import { sortedContains } from "../../src/util/sorted-contains";

describe("sortedContains", () => {
  it("looks only inside the slice [lo, hi)", () => {
    const a = Int32Array.of(1, 4, 9, 2);
    expect(sortedContains(a, 0, 3, 4)).toBe(true);
    expect(sortedContains(a, 0, 3, 2)).toBe(false); // a[3] lies outside
    expect(sortedContains(a, 1, 1, 4)).toBe(false); // empty slice
    expect(sortedContains(a, 2, 3, 9)).toBe(true);
  });

  it("agrees with a linear scan on random sorted slices", () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 300; trial++) {
      const a = Int32Array.from({ length: rng.int(30) }, () => rng.int(40)).sort();
      const lo = rng.int(a.length + 1);
      const hi = lo + rng.int(a.length - lo + 1);
      const x = rng.int(42) - 1;
      expect(sortedContains(a, lo, hi, x)).toBe(Array.from(a.subarray(lo, hi)).includes(x));
    }
  });
});
