import { describe, expect, it } from "vitest";
import { coverage, diversity, novelty } from "../../src/evaluate/beyond-accuracy";

// three users, width 3 (−1 = no item): [0, 1, 2], [1, 3, −1], [4, 0, 1]
const lists = Int32Array.of(0, 1, 2, 1, 3, -1, 4, 0, 1);

describe("beyond-accuracy metrics (hand-computed)", () => {
  it("coverage@K = distinct recommended items / catalogue", () => {
    expect(coverage.compute(lists, 3, 3, { catalogSize: 10 })).toBe(0.5); // {0,1,2,3,4} of 10
    expect(coverage.compute(lists, 3, 1, { catalogSize: 10 })).toBe(0.3); // {0,1,4}
  });

  it("novelty@K = mean over users of mean −log2(pop/N)", () => {
    // N = 16 users; pop = [8, 4, 2, 1, 0 -> counted as 1]: bits 1, 2, 3, 4, 4
    const ctx = { catalogSize: 5, popularity: Float64Array.of(8, 4, 2, 1, 0), popularityUsers: 16 };
    // user 1: (1+2+3)/3 = 2; user 2: (2+4)/2 = 3; user 3: (4+1+2)/3 = 7/3 -> mean (2 + 3 + 7/3)/3 = 22/9
    expect(novelty.compute(lists, 3, 3, ctx)).toBeCloseTo(22 / 9, 12);
    expect(novelty.compute(lists, 3, 1, ctx)).toBeCloseTo((1 + 2 + 4) / 3, 12);
    expect(() => novelty.compute(lists, 3, 3, { catalogSize: 5 })).toThrow(/popularity/);
  });

  it("diversity@K = mean share of pairs with different categories", () => {
    // categories: item 0 A, 1 A, 2 B, 3 unknown, 4 B
    const ctx = { catalogSize: 5, category: Int32Array.of(0, 0, 1, -1, 1) };
    // user 1: A A B -> pairs AA, AB, AB -> 2/3; user 2: only item 1 categorised -> skipped;
    // user 3: B A A -> 2/3 -> mean 2/3
    expect(diversity.compute(lists, 3, 3, ctx)).toBeCloseTo(2 / 3, 12);
    // K = 2: user 1 A A -> 0; user 3 B A -> 1; mean 0.5
    expect(diversity.compute(lists, 3, 2, ctx)).toBe(0.5);
    expect(() => diversity.compute(lists, 3, 3, { catalogSize: 5 })).toThrow(/categor/);
  });

  it("carries flags", () => {
    for (const m of [coverage, novelty, diversity]) expect([m.family, m.lowerIsBetter]).toEqual(["beyond", false]);
  });
});
