import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { DataError } from "../../src/util/data-error";
import {
  formatMetric,
  readRuleMetric,
  readRuleSides,
  ruleSideColumns,
  ruleText,
  topRuleOrder,
  truncateLabel,
  withDefaults,
} from "../../src/viz/rule-frame";

/** Oracle: rank by a tuple (is NaN, −value, index) with plain comparisons of a decorated list. */
function bruteTop(values: number[], k: number): number[] {
  const dec = values.map((v, i) => ({ nan: Number.isNaN(v) ? 1 : 0, v: Number.isNaN(v) ? 0 : v, i }));
  const out: typeof dec = [];
  const rest = [...dec];
  while (out.length < Math.min(k, values.length)) {
    // selection: the best remaining element
    let best = 0;
    for (let j = 1; j < rest.length; j++) {
      const a = rest[j];
      const b = rest[best];
      const better = a.nan !== b.nan ? a.nan < b.nan : a.v !== b.v ? a.v > b.v : a.i < b.i;
      if (better) best = j;
    }
    out.push(rest.splice(best, 1)[0]);
  }
  return out.map((d) => d.i);
}

describe("topRuleOrder", () => {
  it("orders descending with +∞ first, NaN last and ties by row (hand case)", () => {
    expect(Array.from(topRuleOrder(Float64Array.of(1, NaN, 3, 1, Infinity, -Infinity)))).toEqual([4, 2, 0, 3, 5, 1]);
    expect(Array.from(topRuleOrder(Float64Array.of(1, NaN, 3, 1), 3))).toEqual([2, 0, 3]);
    expect(Array.from(topRuleOrder(Float64Array.of(5, 6), 10))).toEqual([1, 0]);
  });

  it("matches a selection-sort oracle on random values with ties, NaN and infinities", () => {
    const rng = createRng(3);
    const special = [NaN, Infinity, -Infinity, 0, 1, 1];
    for (let t = 0; t < 40; t++) {
      const n = 1 + rng.int(60);
      const v = Array.from({ length: n }, () => (rng.next() < 0.3 ? special[rng.int(special.length)] : rng.int(5) / 4));
      const k = 1 + rng.int(n + 3);
      expect(Array.from(topRuleOrder(Float64Array.from(v), k))).toEqual(bruteTop(v, k));
    }
  });
});

describe("readRuleSides / readRuleMetric", () => {
  const df = pl.DataFrame({ antecedents: [["a", "b"], ["c"]], consequents: [["d"], ["a"]], antecedent: ["x", "y"], lift: [1.5, 2], n: [1, 2] });

  it("reads List(String) and String sides", () => {
    expect(readRuleSides(df, "antecedents", "f")).toEqual([["a", "b"], ["c"]]);
    expect(readRuleSides(df, "antecedent", "f")).toEqual([["x"], ["y"]]);
    expect(() => readRuleSides(df, "lift", "f")).toThrow(DataError);
    expect(() => readRuleSides(df, "nope", "f")).toThrow(/column 'nope'/);
    expect(readRuleSides(df, "antecedents", "f", Int32Array.of(1, 0))).toEqual([["c"], ["a", "b"]]);
    const holes = pl.DataFrame({ antecedents: [["a"], ["b"], []] });
    expect(() => readRuleSides(holes, "antecedents", "f", Int32Array.of(0, 2))).toThrow(/rule 2 has an empty or null side/);
    expect(readRuleSides(holes, "antecedents", "f", Int32Array.of(1))).toEqual([["b"]]);
  });

  it("reads metrics; a known metric the frame lacks is a DataError, an unknown name an Error listing numeric columns", () => {
    expect(Array.from(readRuleMetric(df, "lift", "f", "color"))).toEqual([1.5, 2]);
    expect(() => readRuleMetric(df, "confidence", "f", "y")).toThrow(DataError);
    expect(() => readRuleMetric(df, "confidence", "f", "y")).toThrow(/column 'confidence'/);
    const unknown = (() => {
      try {
        readRuleMetric(df, "lfit", "f", "color");
      } catch (e) {
        return e as Error;
      }
      throw new Error("no throw");
    })();
    expect(unknown).not.toBeInstanceOf(DataError);
    expect(unknown.message).toMatch(/color: unknown metric "lfit".*lift, n/);
    expect(() => readRuleMetric(df, "antecedent", "f", "x")).toThrow(/expected a numeric column/);
  });

  it("picks the side columns of association or sequential rule frames", () => {
    expect(ruleSideColumns(df)).toEqual({ antecedents: "antecedents", consequents: "consequents" });
    expect(ruleSideColumns(pl.DataFrame({ antecedent: ["a"], consequent: ["b"] }))).toEqual({ antecedents: "antecedent", consequents: "consequent" });
    expect(ruleSideColumns(df, { consequents: "antecedent" })).toEqual({ antecedents: "antecedents", consequents: "antecedent" });
  });
});

describe("labels", () => {
  it("formats metrics, rules and long labels", () => {
    expect(formatMetric(2 / 3)).toBe("0.6667");
    expect(formatMetric(1234.56)).toBe("1235");
    expect(formatMetric(Infinity)).toBe("∞");
    expect(formatMetric(NaN)).toBe("NaN");
    expect(ruleText(["a", "b"], ["c"])).toBe("a, b ⇒ c");
    expect(truncateLabel("abcdef", 4)).toBe("abc…");
    expect(truncateLabel("abcd", 4)).toBe("abcd");
    expect(withDefaults({ a: 1, b: 2 }, { a: undefined, b: 3 })).toEqual({ a: 1, b: 3 });
  });
});
