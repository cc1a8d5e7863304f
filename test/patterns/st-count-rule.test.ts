import { describe, expect, it } from "vitest";
import { countRule } from "../../src/patterns/st-count-rule";

describe("countRule", () => {
  it("counts support, confidence and lift by hand", () => {
    const baskets = [["a", "b", "c"], ["a", "b"], ["a"], ["b", "c"], [], ["a", "a", "b"]];
    // N = 6; X = {a}: 4 baskets; Y = {b}: 4; both: 3 → support 0.5, confidence 0.75, lift 0.75 / (4/6) = 1.125
    expect(countRule(baskets, ["a"], ["b"])).toEqual({ n: 6, antecedentCount: 4, consequentCount: 4, bothCount: 3, support: 0.5, confidence: 0.75, lift: 1.125 });
    // X = {a, b}: 3; Y = {c}: 2; both 1 → confidence 1/3, lift (1/3) / (2/6) = 1
    const r = countRule(baskets, ["b", "a"], ["c"]);
    expect([r.antecedentCount, r.consequentCount, r.bothCount]).toEqual([3, 2, 1]);
    expect(r.lift).toBeCloseTo(1, 12);
  });

  it("gives NaN confidence when no basket has the antecedent", () => {
    const r = countRule([["a"], ["b"]], ["z"], ["a"]);
    expect(r.antecedentCount).toBe(0);
    expect(Number.isNaN(r.confidence) && Number.isNaN(r.lift)).toBe(true);
  });

  it("refuses empty baskets, empty sides and overlapping sides", () => {
    expect(() => countRule([], ["a"], ["b"])).toThrow(/baskets is empty/);
    expect(() => countRule([["a"]], [], ["a"])).toThrow(/at least one token/);
    expect(() => countRule([["a"]], ["a", "b"], ["b"])).toThrow(/"b" is on both sides/);
  });
});
