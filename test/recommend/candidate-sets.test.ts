import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { candidateSets } from "../../src/recommend/candidate-sets";

describe("candidateSets", () => {
  it("gives each requested user its distinct known candidate items, ascending", () => {
    const cands = pl.DataFrame({ user: ["a", "a", "b", "a", "z", "b"], item: ["y", "x", "y", "y", "x", "w"] });
    // a: y, x, y -> {0, 1}; b: y, w (w unknown) -> {1}; z not requested; c requested, none
    expect(candidateSets(cands, ["a", "b", "c"], ["x", "y"]).map((s) => Array.from(s))).toEqual([[0, 1], [1], []]);
  });

  it("fails loudly without the user and item columns", () => {
    expect(() => candidateSets(pl.DataFrame({ user: ["a"] }), ["a"], ["x"])).toThrow(/item/);
  });
});
