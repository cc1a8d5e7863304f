import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { associationRules } from "../../src/patterns/association-rules";
import { fpGrowth, fpGrowthRaw } from "../../src/patterns/fpgrowth";
import { RULE_METRICS } from "../../src/patterns/rule-metrics";
import { bruteForceItemsets, keyOf, randomBaskets } from "./oracle";

type Row = Record<string, unknown> & { antecedents: string[]; consequents: string[] };
const rowsOf = (df: pl.DataFrame): Row[] => df.toRecords() as unknown as Row[];
const ruleKey = (a: string[], c: string[]): string => `${keyOf(a)} => ${keyOf(c)}`;

/** Brute-force rules with every metric, from brute-force counts (formulas written out again). */
function oracleRules(baskets: string[][], minCount: number, single: boolean): Map<string, Record<string, number>> {
  const n = baskets.length;
  const counts = bruteForceItemsets(baskets, minCount);
  const out = new Map<string, Record<string, number>>();
  for (const [key, cAC] of counts) {
    const items = key.split("\u0001");
    if (items.length < 2) continue;
    for (let mask = 1; mask < (1 << items.length) - 1; mask++) {
      const c = items.filter((_, j) => mask & (1 << j));
      if (single && c.length !== 1) continue;
      const a = items.filter((_, j) => !(mask & (1 << j)));
      const sA = counts.get(keyOf(a))! / n;
      const sC = counts.get(keyOf(c))! / n;
      const sAC = cAC / n;
      const conf = cAC / counts.get(keyOf(a))!; // from counts, as arules (exact at thresholds)
      const lev = sAC - sA * sC;
      const zden = Math.max(sAC * (1 - sA), sA * (sC - sAC));
      out.set(ruleKey(a, c), {
        antecedent_support: sA,
        consequent_support: sC,
        support: sAC,
        confidence: conf,
        lift: conf / sC,
        leverage: lev,
        conviction: conf === 1 ? Infinity : (1 - sC) / (1 - conf),
        zhangs_metric: zden === 0 ? 0 : lev / zden,
        jaccard: sAC / (sA + sC - sAC),
        certainty: sC === 1 ? 0 : (conf - sC) / (1 - sC),
        kulczynski: (sAC / sA + sAC / sC) / 2,
      });
    }
  }
  return out;
}

describe("associationRules", () => {
  it("computes every metric of a hand-made rule", () => {
    // N = 4: a in 2, b in 3, {a, b} in 2
    const baskets = [["a", "b"], ["a", "b"], ["b"], ["c"]];
    const rules = rowsOf(associationRules(fpGrowth(baskets, { minCount: 1 }), { minThreshold: 0 }));
    const r = rules.find((x) => ruleKey(x.antecedents, x.consequents) === ruleKey(["a"], ["b"]))!;
    expect(r.support).toBeCloseTo(0.5); // 2/4
    expect(r.confidence).toBeCloseTo(1); // 2/2
    expect(r.lift).toBeCloseTo(4 / 3); // 1 / 0.75
    expect(r.leverage).toBeCloseTo(0.5 - 0.5 * 0.75); // 0.125
    expect(r.conviction).toBe(Infinity); // confidence 1
    expect(r.zhangs_metric).toBeCloseTo(0.125 / Math.max(0.5 * 0.5, 0.5 * (0.75 - 0.5))); // 0.5
    expect(r.jaccard).toBeCloseTo(0.5 / (0.5 + 0.75 - 0.5)); // 2/3
    expect(r.certainty).toBeCloseTo((1 - 0.75) / (1 - 0.75)); // 1
    expect(r.kulczynski).toBeCloseTo((1 + 2 / 3) / 2);
    const back = rules.find((x) => ruleKey(x.antecedents, x.consequents) === ruleKey(["b"], ["a"]))!;
    expect(back.confidence).toBeCloseTo(2 / 3);
    expect(back.conviction).toBeCloseTo((1 - 0.5) / (1 - 2 / 3)); // 1.5
    expect(rules.length).toBe(2); // c is in no pair
  });

  it.each(Array.from({ length: 20 }, (_, i) => i + 700))("equals brute-force rules in both modes (seed %i)", (seed) => {
    const baskets = randomBaskets(seed, { nItems: 7, nBaskets: 30 });
    const itemsets = fpGrowth(baskets, { minCount: 2 });
    if (itemsets.height === 0) return;
    for (const single of [false, true]) {
      const oracle = [...oracleRules(baskets, 2, single)];
      for (const [metric, minThreshold] of [["confidence", 0.6], ["lift", 1.1], ["leverage", 0.01], ["conviction", 1.2]] as const) {
        const got = rowsOf(associationRules(itemsets, { metric, minThreshold, mode: single ? "single-consequent" : "all" }));
        const want = oracle.filter(([, m]) => m[metric] >= minThreshold);
        expect(got.map((r) => ruleKey(r.antecedents, r.consequents)).sort()).toEqual(want.map(([k]) => k).sort());
        const byKey = new Map(want);
        const off: string[] = [];
        for (const r of got) {
          const m = byKey.get(ruleKey(r.antecedents, r.consequents))!;
          for (const name of RULE_METRICS) {
            const x = r[name] as number;
            const ok = m[name] === Infinity ? x === Infinity : Math.abs(x - m[name]) <= 1e-12 * Math.max(1, Math.abs(m[name]));
            if (!ok) off.push(`${ruleKey(r.antecedents, r.consequents)} ${name}: ${x} vs ${m[name]}`);
          }
        }
        expect(off).toEqual([]);
        // sorted by the threshold metric, descending
        const v = got.map((r) => r[metric] as number);
        expect(v.every((x, j) => j === 0 || x <= v[j - 1])).toBe(true);
      }
    }
  });

  it("applies several thresholds, minLen / maxLen on the whole rule, and top-k", () => {
    const baskets = randomBaskets(42, { nItems: 8, nBaskets: 40 });
    const itemsets = fpGrowth(baskets, { minCount: 2 });
    const all = rowsOf(associationRules(itemsets, { minThreshold: 0 }));
    const some = rowsOf(associationRules(itemsets, { minThreshold: 0.5, thresholds: { lift: 1, support: 0.1 }, minLen: 3, maxLen: 3 }));
    const want = all.filter((r) => (r.confidence as number) >= 0.5 && (r.lift as number) >= 1 && (r.support as number) >= 0.1);
    const len3 = want.filter((r) => r.antecedents.length + r.consequents.length === 3);
    expect(some.map((r) => ruleKey(r.antecedents, r.consequents)).sort()).toEqual(len3.map((r) => ruleKey(r.antecedents, r.consequents)).sort());
    const top = rowsOf(associationRules(itemsets, { minThreshold: 0, sortBy: "lift", topK: 5 }));
    const lifts = all.map((r) => r.lift as number).sort((a, b) => b - a);
    expect(top.map((r) => r.lift)).toEqual(lifts.slice(0, 5));
  });

  it("prunes redundant rules as arules' is.redundant", () => {
    const baskets = randomBaskets(5, { nItems: 7, nBaskets: 40 });
    const itemsets = fpGrowth(baskets, { minCount: 2 });
    const opts = { minThreshold: 0.3, mode: "single-consequent" as const };
    const all = rowsOf(associationRules(itemsets, opts));
    const conf = new Map(all.map((r) => [ruleKey(r.antecedents, r.consequents), r.confidence as number]));
    // brute force: redundant when some proper non-empty subset of the antecedent, same consequent, is in the set with conf >=
    const keep = all.filter((r) => {
      const a = r.antecedents;
      for (let mask = 1; mask < (1 << a.length) - 1; mask++) {
        const g = conf.get(ruleKey(a.filter((_, j) => mask & (1 << j)), r.consequents));
        if (g !== undefined && g >= (r.confidence as number)) return false;
      }
      return true;
    });
    const pruned = rowsOf(associationRules(itemsets, { ...opts, pruneRedundant: true }));
    expect(keep.length).toBeLessThan(all.length); // the case is not trivial
    expect(pruned.map((r) => ruleKey(r.antecedents, r.consequents)).sort()).toEqual(keep.map((r) => ruleKey(r.antecedents, r.consequents)).sort());
  });

  it("takes the raw typed result as well as the frame", () => {
    const baskets = randomBaskets(11, { nItems: 8, nBaskets: 40 });
    const a = associationRules(fpGrowth(baskets, { minCount: 2 }), { minThreshold: 0.4 });
    const b = associationRules(fpGrowthRaw(baskets, { minCount: 2 }), { minThreshold: 0.4 });
    expect(b.toRecords()).toEqual(a.toRecords());
  });

  it("returns an empty frame with all columns when no rule passes", () => {
    const df = associationRules(fpGrowth([["a", "b"], ["c"]], { minCount: 1 }), { minThreshold: 1.01 });
    expect(df.height).toBe(0);
    expect(df.columns).toEqual(["antecedents", "consequents", ...RULE_METRICS]);
  });

  it("rejects bad options and incomplete itemsets with clear messages", () => {
    const itemsets = fpGrowth([["a", "b"], ["a"]], { minCount: 1 });
    expect(() => associationRules(itemsets, { metric: "lfit" as never })).toThrow(
      /metric: unknown metric "lfit"; valid metrics: antecedent_support, consequent_support, support, confidence, lift, leverage, conviction, zhangs_metric, jaccard, certainty, kulczynski/,
    );
    expect(() => associationRules(itemsets, { thresholds: { liftt: 1 } as never })).toThrow(/thresholds: unknown metric "liftt"/);
    expect(() => associationRules(itemsets, { sortBy: "x" as never })).toThrow(/sortBy: unknown metric/);
    expect(() => associationRules(itemsets, { mode: "single" as never })).toThrow(/mode must be "all" or "single-consequent"/);
    expect(() => associationRules(itemsets, { minLen: 1 })).toThrow(/minLen must be an integer >= 2/);
    expect(() => associationRules(itemsets, { minThreshold: Number.NaN })).toThrow(/minThreshold must be a number/);
    const pairsOnly = fpGrowth([["a", "b"], ["a"]], { minCount: 1, minLen: 2 });
    expect(() => associationRules(pairsOnly)).toThrow(/the support of \{"[ab]"\} \(a subset of \{"a", "b"\}\) is missing/);
    expect(() => associationRules(itemsets.head(0))).toThrow(/empty/);
    expect(() => associationRules(pl.DataFrame({ items: ["a"] }))).toThrow(/needs columns 'itemsets' and 'support'/);
    expect(() => associationRules(itemsets, { minThreshold: 0, maxRules: 1 })).toThrow(/more than 1 rules/);
  });
});
